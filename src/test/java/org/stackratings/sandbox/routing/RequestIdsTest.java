package org.stackratings.sandbox.routing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.SandboxServer.Endpoint;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer of every service route carries a request id, as oslo.middleware gives one to every OpenStack answer. */
class RequestIdsTest {

    private static final Pattern REQUEST_ID = Pattern.compile("req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static SandboxFixture sandbox;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(SandboxFixture.testClouds());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static Stream<Endpoint> endpoints() {
        List<Endpoint> all = sandbox.server.endpoints(); // @BeforeAll has run when JUnit asks for the arguments
        assertThat(all).as("the sandbox's service routes").hasSizeGreaterThan(40)
                .extracting(Endpoint::method).contains("GET", "HEAD", "POST", "PUT", "DELETE");
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyEndpointAnswersWithARequestId(Endpoint endpoint) {
        String path = endpoint.path().replace(":cloud", "alpha").replaceAll(":[a-z_]+", "no-such-id");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.server.baseUrl() + path))
                .header("X-Auth-Token", sandbox.token("alpha", "alpha-secret"));
        boolean withBody = Set.of("POST", "PUT", "PATCH").contains(endpoint.method());
        request.method(endpoint.method(), withBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (withBody) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = sandbox.send(request.build());

        String id = answer.headers().firstValue(RequestIds.HEADER).orElse("");
        assertThat(id).as("%s %s answered %d", endpoint.method(), path, answer.statusCode()).matches(REQUEST_ID);
        if (path.startsWith("/alpha/compute")) {
            assertThat(answer.headers().firstValue(RequestIds.COMPUTE_HEADER)).as("Nova's second name").contains(id);
        }
    }

    @Test
    void errorsCarryOneTooAndNoTwoAnswersShareOne() {
        List<HttpResponse<String>> answers = List.of(
                sandbox.get("/alpha/compute/v2.1/flavors", null),                 // 401, no token
                sandbox.get("/alpha/compute/v2.1/no-such-resource", sandbox.token("alpha", "alpha-secret")), // 404
                sandbox.get("/no-such-cloud/identity/v3", null),                  // 404, no such cloud
                sandbox.post("/alpha/identity/v3/auth/tokens", "{"),              // 400, malformed
                sandbox.get("/missing-volume/volume/v3", null),                   // 404, service not offered
                sandbox.get("/alpha/identity/v3", null));                         // 200
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(401, 404, 404, 400, 404, 200);
        Set<String> ids = new HashSet<>();
        for (HttpResponse<String> answer : answers) {
            String id = answer.headers().firstValue(RequestIds.HEADER).orElse("");
            assertThat(id).as("%s answered %d", answer.uri(), answer.statusCode()).matches(REQUEST_ID);
            ids.add(id);
        }
        assertThat(ids).hasSize(answers.size());
    }
}

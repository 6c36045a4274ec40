package org.stackratings.openstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackratings.egress.AgencyEgress;
import org.stackratings.egress.EgressRules;
import org.stackratings.egress.HostResolver;
import org.stackratings.openstack.http.MemberHttp;
import org.stackratings.sandbox.SandboxServer;
import org.stackratings.sandbox.profile.CloudProfiles;

/**
 * What the conformance run needs of a session beyond the probes: the user's id, a second token it can validate and
 * revoke, request headers (a microversion), another body type (a JSON patch) and the answer's headers, with the
 * tokens kept out of every answer.
 */
class SessionCallsTest {

    private static Vertx vertx;
    private static SandboxServer sandbox;
    private static CloudSession session;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        try (InputStream in = SessionCallsTest.class.getClassLoader().getResourceAsStream("sandbox/test-clouds.yaml")) {
            sandbox = SandboxServer.start(vertx, "127.0.0.1", 0, CloudProfiles.load(in));
        }
        CloudClient client = new OpenStack4jCloudClient(new MemberHttp(), new AgencyEgress(
                EgressRules.allowing(List.of("127.0.0.1/32")), HostResolver.SYSTEM, true, Set.of()));
        CloudAccount account = new CloudAccount(sandbox.authUrl("alpha"), "RegionOne", null, "probe", "Default",
                false, "probe", "Default", null, "alpha-secret", Set.of(), false, List.of());
        session = client.authenticate(account, new CallLimits(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(20), 4 << 20, 64 << 10, RunDeadline.after(Duration.ofMinutes(1))));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aSecondTokenIsIssuedValidatedAndRevokedWithoutShowingIt() {
        assertThat(session.userId()).isNotBlank();
        IssuedToken second = session.issueToken();
        assertThat(second.answer().status()).isEqualTo(201);
        assertThat(second.expiresAt()).isNotNull();
        assertThat(second.answer().header("X-Subject-Token")).isNull();
        assertThat(second.answer().header("x-openstack-request-id")).isNotBlank();
        assertThat(second.answer().excerpt()).doesNotContain("alpha-secret");
        assertThat(second.toString()).doesNotContain(second.value());

        ApiCall check = ApiCall.get(CloudService.IDENTITY, "/auth/tokens").about(second);
        ApiAnswer valid = session.call(check);
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.excerpt()).doesNotContain(second.value());
        assertThat(session.call(ApiCall.of(CloudService.IDENTITY, "DELETE", "/auth/tokens", null).about(second))
                .status()).isEqualTo(204);
        assertThat(session.call(check).status()).isEqualTo(404);
        assertThat(session.call(ApiCall.get(CloudService.IDENTITY, "/users/" + session.userId() + "/projects"))
                .body()).contains(session.projectId());
    }

    @Test
    void headersAndBodyTypesAreSentAndTheAnswersHeadersKept() {
        ApiAnswer keypairs = session.call(ApiCall.get(CloudService.COMPUTE, "/os-keypairs")
                .withHeader("OpenStack-API-Version", "compute 2.2"));
        assertThat(keypairs.status()).isEqualTo(200);
        assertThat(keypairs.header("OpenStack-API-Version")).isEqualTo("compute 2.2");

        ApiAnswer image = session.call(ApiCall.of(CloudService.IMAGE, "POST", "/v2/images",
                "{\"name\":\"stackratings-conformance-patch\",\"container_format\":\"bare\",\"disk_format\":\"raw\"}"));
        assertThat(image.status()).as(image.body()).isEqualTo(201);
        String id = image.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        ApiCall rename = ApiCall.of(CloudService.IMAGE, "PATCH", "/v2/images/" + id,
                "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"renamed\"}]");
        assertThat(session.call(rename).status()).as("Glance refuses a patch sent as plain JSON").isEqualTo(415);
        ApiAnswer patched = session.call(rename.withBody(rename.body(),
                "application/openstack-images-v2.1-json-patch"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body()).contains("\"renamed\"");
        assertThat(session.call(ApiCall.of(CloudService.IMAGE, "DELETE", "/v2/images/" + id, null)).status())
                .isEqualTo(204);
    }
}

package org.stackratings.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.ApiTestSupport.ADMIN_KEY;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.createMember;
import static org.stackratings.ApiTestSupport.issueKey;
import static org.stackratings.ApiTestSupport.keyId;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

/**
 * Role and member isolation of every endpoint under /api/v1: each row of {@link #ENDPOINTS} is called by each
 * {@link Caller}, and the status must be what the row's {@link Access} says. A second test holds the table to the
 * OpenAPI document, so a new endpoint without a row fails the build.
 * <p>
 * To add an endpoint, add a row: {@code get("/api/v1/gate/{member}?minRating=Baa3").access(Access.EXCHANGE, 200)}.
 * Path variables are filled by {@link Fixtures#defaults}: {@code {member}} is the member the PROVIDER_OWN key belongs
 * to, {@code {run}} a random UUID, {@code {id}} an issued key's id; override one with {@code .with("member", f -> …)}.
 * {@code allowed} is the status a caller that passes the check gets; endpoints that change something get fresh
 * targets per call ({@code .with(…)}, {@code .body(…)}) or a body that fails validation after the check.
 */
@QuarkusTest
class AccessMatrixTest {

    /** Who calls. */
    enum Caller { NO_KEY, WRONG_KEY, REVOKED_KEY, BOOTSTRAP_ADMIN, ADMIN, PROVIDER_OWN, PROVIDER_OTHER, EXCHANGE }

    /** Who may call. Callers without a valid key get 401 (except on public endpoints), valid keys not listed 403. */
    enum Access {
        PUBLIC(EnumSet.allOf(Caller.class)),
        MEMBER_PRIVATE(EnumSet.of(Caller.BOOTSTRAP_ADMIN, Caller.ADMIN, Caller.PROVIDER_OWN)),
        EXCHANGE(EnumSet.of(Caller.BOOTSTRAP_ADMIN, Caller.ADMIN, Caller.EXCHANGE)),
        ADMIN_ONLY(EnumSet.of(Caller.BOOTSTRAP_ADMIN, Caller.ADMIN));

        private static final Set<Caller> NO_VALID_KEY = EnumSet.of(Caller.NO_KEY, Caller.WRONG_KEY, Caller.REVOKED_KEY);
        private final Set<Caller> allowed;

        Access(Set<Caller> allowed) {
            this.allowed = allowed;
        }

        int expected(Caller caller, int allowedStatus) {
            return allowed.contains(caller) ? allowedStatus : NO_VALID_KEY.contains(caller) ? 401 : 403;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            // public
            get("/api/v1/ratings").access(Access.PUBLIC, 200),
            get("/api/v1/ratings/{member}").access(Access.PUBLIC, 200),
            get("/api/v1/ratings/{member}/actions").access(Access.PUBLIC, 200),
            get("/api/v1/ratings/{member}/compliance").access(Access.PUBLIC, 200),
            get("/api/v1/ratings/{member}/conformance").access(Access.PUBLIC, 200),
            get("/api/v1/methodology").access(Access.PUBLIC, 200),
            get("/api/v1/statistics/transitions").access(Access.PUBLIC, 200),
            get("/api/v1/statistics/performance").access(Access.PUBLIC, 200),
            get("/api/v1/certifications").access(Access.PUBLIC, 200),
            get("/api/v1/certifications/{member}").access(Access.PUBLIC, 200),
            get("/api/v1/certifications/{member}/statement").access(Access.PUBLIC, 404),
            get("/api/v1/certifications/{member}/badge.svg").accept("image/svg+xml").access(Access.PUBLIC, 200),
            get("/api/v1/certifications/{member}/runs/{run}").access(Access.PUBLIC, 404),
            // private to the member's provider (and admin)
            get("/api/v1/members/{member}/scores").access(Access.MEMBER_PRIVATE, 200),
            get("/api/v1/members/{member}/measurements").access(Access.MEMBER_PRIVATE, 200),
            get("/api/v1/members/{member}/measurements").accept("text/csv").access(Access.MEMBER_PRIVATE, 200),
            get("/api/v1/members/{member}/compliance").access(Access.MEMBER_PRIVATE, 200),
            get("/api/v1/members/{member}/conformance").access(Access.MEMBER_PRIVATE, 200),
            // admin
            get("/api/v1/members").access(Access.ADMIN_ONLY, 200),
            post("/api/v1/members").body(Fixtures::newMemberBody).access(Access.ADMIN_ONLY, 201),
            get("/api/v1/members/{member}").access(Access.ADMIN_ONLY, 200),
            put("/api/v1/members/{member}").body(f -> memberBody(f.own, "https://keystone.test/v3", "pw", false))
                    .access(Access.ADMIN_ONLY, 200),
            delete("/api/v1/members/{member}").with("member", Fixtures::freshMember).access(Access.ADMIN_ONLY, 204),
            post("/api/v1/members/{member}/probe-runs").body(f -> Map.of("probe", "no-such-probe"))
                    .access(Access.ADMIN_ONLY, 400),
            get("/api/v1/members/{member}/probe-runs/{run}").access(Access.ADMIN_ONLY, 404),
            get("/api/v1/keys").access(Access.ADMIN_ONLY, 200),
            post("/api/v1/keys").body(f -> Map.of("role", "exchange", "label", "access matrix"))
                    .access(Access.ADMIN_ONLY, 201),
            get("/api/v1/keys/{id}").access(Access.ADMIN_ONLY, 200),
            delete("/api/v1/keys/{id}").with("id", Fixtures::freshKeyId).access(Access.ADMIN_ONLY, 204),
            get("/api/v1/statement-keys").access(Access.ADMIN_ONLY, 200),
            post("/api/v1/statement-keys").access(Access.ADMIN_ONLY, 201),
            delete("/api/v1/statement-keys/{kid}").with("kid", f -> "no-such-kid").access(Access.ADMIN_ONLY, 404),
            get("/api/v1/credential-key").access(Access.ADMIN_ONLY, 200),
            post("/api/v1/credential-key/reseal").access(Access.ADMIN_ONLY, 200),
            // exchange
            get("/api/v1/gate/{member}?minRating=Baa3").access(Access.EXCHANGE, 200),
            get("/api/v1/feed?limit=5").access(Access.EXCHANGE, 200),
            get("/api/v1/subscriptions").access(Access.EXCHANGE, 200),
            post("/api/v1/subscriptions").body(f -> java.util.Map.of("targetUrl", "http://127.0.0.1:9/hook"))
                    .access(Access.EXCHANGE, 201),
            get("/api/v1/subscriptions/{id}").with("id", f -> "no-such-subscription").access(Access.EXCHANGE, 404),
            get("/api/v1/subscriptions/{id}/deliveries").with("id", f -> "no-such-subscription").access(Access.EXCHANGE, 404),
            delete("/api/v1/subscriptions/{id}").with("id", f -> "no-such-subscription").access(Access.EXCHANGE, 404)
    );

    @TestFactory
    Stream<DynamicTest> everyCallerGetsWhatItsRoleAndMemberAllow() {
        Fixtures fixtures = Fixtures.get();
        return ENDPOINTS.stream().flatMap(endpoint -> Stream.of(Caller.values()).map(caller -> {
            int expected = endpoint.access.expected(caller, endpoint.allowed);
            return DynamicTest.dynamicTest(endpoint + " as " + caller + " -> " + expected,
                    () -> check(endpoint, caller, expected, fixtures));
        }));
    }

    @Test
    void theMatrixCoversEveryEndpointOfTheApi() {
        Map<String, Map<String, Object>> paths = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> documented = paths.entrySet().stream().filter(e -> e.getKey().startsWith("/api/v1"))
                .flatMap(e -> e.getValue().keySet().stream()
                        .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                        .map(m -> m.toUpperCase(Locale.ROOT) + " " + e.getKey()))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> tested = ENDPOINTS.stream().map(Endpoint::operation).collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).as("endpoints without a row in AccessMatrixTest.ENDPOINTS").isSubsetOf(tested);
        assertThat(tested).as("rows for endpoints that do not exist").isSubsetOf(documented);
    }

    private static void check(Endpoint endpoint, Caller caller, int expected, Fixtures fixtures) {
        RequestSpecification request = RestAssured.given();
        String key = fixtures.keys.get(caller);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (endpoint.accept != null) {
            request.header("Accept", endpoint.accept);
        }
        if (endpoint.body != null) {
            request.contentType(ContentType.JSON).body(endpoint.body.apply(fixtures));
        }
        Response response = request.request(endpoint.method, fixtures.resolve(endpoint));
        assertThat(response.statusCode()).as(endpoint + " as " + caller + ": " + response.asString()).isEqualTo(expected);
        if (expected == 401) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("type")).isEqualTo("urn:stackratings:problem:unauthorized");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer realm=\"stackratings\"");
        } else if (expected == 403) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("type")).isEqualTo("urn:stackratings:problem:forbidden");
            assertThat(response.header("WWW-Authenticate")).isNull();
        }
    }

    /** One operation as a caller sees it, and who may call it. */
    record Endpoint(String method, String path, String accept, Function<Fixtures, Object> body,
                    Map<String, Function<Fixtures, String>> variables, Access access, int allowed) {

        Endpoint accept(String mediaType) {
            return new Endpoint(method, path, mediaType, body, variables, access, allowed);
        }

        Endpoint body(Function<Fixtures, Object> newBody) {
            return new Endpoint(method, path, accept, newBody, variables, access, allowed);
        }

        Endpoint with(String variable, Function<Fixtures, String> value) {
            Map<String, Function<Fixtures, String>> all = new HashMap<>(variables);
            all.put(variable, value);
            return new Endpoint(method, path, accept, body, all, access, allowed);
        }

        Endpoint access(Access who, int allowedStatus) {
            return new Endpoint(method, path, accept, body, variables, who, allowedStatus);
        }

        /** As the OpenAPI document names it: {@code GET /api/v1/members/{member}}. */
        String operation() {
            int query = path.indexOf('?');
            return method + " " + (query < 0 ? path : path.substring(0, query));
        }

        @Override
        public String toString() {
            return operation() + (accept == null ? "" : " (" + accept + ")");
        }
    }

    static Endpoint get(String path) {
        return new Endpoint("GET", path, null, null, Map.of(), null, 0);
    }

    static Endpoint post(String path) {
        return new Endpoint("POST", path, null, null, Map.of(), null, 0);
    }

    static Endpoint put(String path) {
        return new Endpoint("PUT", path, null, null, Map.of(), null, 0);
    }

    static Endpoint delete(String path) {
        return new Endpoint("DELETE", path, null, null, Map.of(), null, 0);
    }

    /** Members and keys the matrix calls with, made once per test run through the API. */
    static final class Fixtures {

        private static Fixtures instance;

        final String own = createMember("matrix-own");
        final String other = createMember("matrix-other");
        final String listedKeyId;
        final Map<Caller, String> keys = new HashMap<>();

        private Fixtures() {
            keys.put(Caller.WRONG_KEY, "sr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "_"
                    + "0123456789abcdef".repeat(4));
            String revoked = issueKey("admin", null);
            admin().delete("/api/v1/keys/" + keyId(revoked)).then().statusCode(204);
            keys.put(Caller.REVOKED_KEY, revoked);
            keys.put(Caller.BOOTSTRAP_ADMIN, ADMIN_KEY);
            keys.put(Caller.ADMIN, issueKey("admin", null));
            keys.put(Caller.PROVIDER_OWN, issueKey("provider", own));
            keys.put(Caller.PROVIDER_OTHER, issueKey("provider", other));
            keys.put(Caller.EXCHANGE, issueKey("exchange", null));
            listedKeyId = keyId(keys.get(Caller.EXCHANGE));
        }

        static synchronized Fixtures get() {
            if (instance == null) {
                instance = new Fixtures();
            }
            return instance;
        }

        /** Default values of path variables. */
        Map<String, Function<Fixtures, String>> defaults() {
            return Map.of("member", f -> f.own, "run", f -> UUID.randomUUID().toString(), "id", f -> f.listedKeyId);
        }

        String resolve(Endpoint endpoint) {
            Map<String, Function<Fixtures, String>> values = new HashMap<>(defaults());
            values.putAll(endpoint.variables);
            String path = endpoint.path;
            for (Map.Entry<String, Function<Fixtures, String>> v : values.entrySet()) {
                if (path.contains("{" + v.getKey() + "}")) {
                    path = path.replace("{" + v.getKey() + "}", v.getValue().apply(this));
                }
            }
            assertThat(path).as("unfilled path variable in " + endpoint.path).doesNotContain("{");
            return path;
        }

        String freshMember() {
            return createMember("matrix-fresh");
        }

        String freshKeyId() {
            return keyId(issueKey("exchange", null));
        }

        Map<String, Object> newMemberBody() {
            return memberBody(uniqueSlug("matrix-new"), "https://keystone.test/v3", "pw", false);
        }
    }
}

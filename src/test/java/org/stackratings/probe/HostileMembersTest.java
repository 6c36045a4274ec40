package org.stackratings.probe;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stackratings.egress.AgencyEgress;
import org.stackratings.egress.EgressRules;
import org.stackratings.egress.HostResolver;
import org.stackratings.sandbox.SandboxTestResource;
import org.stackratings.sandbox.profile.HostileMode;
import org.stackratings.sandbox.profile.HostileProfile;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

/**
 * A member cloud is an adversary: for every hostile mode of the sandbox, each probe (api, lifecycle, compliance, run
 * through the manual run endpoint) ends within its deadline with ERROR or TIMEOUT and a detail that says what
 * happened, no request reaches the canary (a listener on an address the agency refuses), and nothing is answered
 * with a 5xx.
 */
@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class HostileMembersTest {

    /** The test profile's deadlines (application.properties): api run, compliance run, lifecycle run. */
    private static final Duration API_DEADLINE = Duration.ofSeconds(8);
    private static final Duration COMPLIANCE_DEADLINE = Duration.ofSeconds(10);
    private static final Duration LIFECYCLE_DEADLINE = Duration.ofSeconds(14);
    /** Storing a run, beyond its deadline. */
    private static final Duration STORE_GRACE = Duration.ofSeconds(3);
    private static final String DNS_NAME = "compute.hostile.test";

    private static Canary canary;
    /** The agency's DNS in this test: the hostile name resolves to a public address when onboarded, to the canary later. */
    private static final Map<String, String> DNS = new ConcurrentHashMap<>();

    @BeforeAll
    static void startCanary() throws IOException {
        canary = new Canary();
    }

    @AfterAll
    static void stopCanary() {
        canary.close();
    }

    @BeforeEach
    void egressWithATestResolver() {
        HostResolver resolver = host -> {
            String answer = DNS.get(host);
            return answer != null ? new InetAddress[]{InetAddress.getByName(answer)} : HostResolver.SYSTEM.resolve(host);
        };
        QuarkusMock.installMockForType(new AgencyEgress(EgressRules.allowing(List.of("127.0.0.1/32")), resolver, true,
                Set.of(443, 5000, 8774)), AgencyEgress.class);
    }

    private static HostileProfile profile(HostileMode mode) {
        return switch (mode) {
            case REDIRECT -> HostileProfile.redirect(canary.url());
            case FOREIGN_ENDPOINTS -> HostileProfile.foreignEndpoints(canary.url());
            case DNS_NAME -> HostileProfile.dnsName(DNS_NAME);
            case TRICKLE_BODY -> HostileProfile.trickle(Duration.ofMillis(500));
            default -> HostileProfile.of(mode);
        };
    }

    private static String onboard(HostileMode mode) {
        String cloud = uniqueSlug("hostile-" + mode.id());
        SandboxTestResource.putHostileCloud(cloud, profile(mode));
        Map<String, Object> member = new HashMap<>(memberBody(cloud, SandboxTestResource.server().authUrl(cloud), cloud + "-secret", false));
        if (mode == HostileMode.DNS_NAME) {
            DNS.put(DNS_NAME, "93.184.216.34"); // public while the operator onboards it ...
            member.put("allowedHosts", List.of(DNS_NAME));
        }
        admin().body(member).post("/api/v1/members").then().statusCode(201);
        DNS.put(DNS_NAME, "127.0.0.2"); // ... then the member points its name at the agency's own network
        return cloud;
    }

    @ParameterizedTest
    @EnumSource(HostileMode.class)
    void theApiProbeEndsInTimeWithWhatHappened(HostileMode mode) {
        String slug = onboard(mode);
        int before = canary.requests();
        Response response = admin().body("{\"probe\":\"api\"}").post("/api/v1/members/" + slug + "/probe-runs");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        assertRunEndedBadlyInTime(response.jsonPath(), API_DEADLINE);
        assertThat(canary.requests()).as("requests that reached the canary").isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(HostileMode.class)
    void theComplianceProbeEndsInTimeWithWhatHappened(HostileMode mode) {
        String slug = onboard(mode);
        int before = canary.requests();
        Response response = admin().body("{\"probe\":\"compliance\"}").post("/api/v1/members/" + slug + "/probe-runs");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        assertRunEndedBadlyInTime(response.jsonPath(), COMPLIANCE_DEADLINE);
        RestAssured.get("/api/v1/ratings/" + slug + "/compliance").then().statusCode(200);
        assertThat(canary.requests()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(HostileMode.class)
    void theLifecycleProbeEndsInTimeWithWhatHappened(HostileMode mode) {
        String slug = onboard(mode);
        int before = canary.requests();
        Response started = admin().body("{\"probe\":\"lifecycle\"}").post("/api/v1/members/" + slug + "/probe-runs");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
        JsonPath run = await().atMost(LIFECYCLE_DEADLINE.plus(STORE_GRACE).plusSeconds(5)).until(
                () -> admin().get(started.getHeader("Location")).jsonPath(), json -> !"RUNNING".equals(json.getString("status")));
        assertRunEndedBadlyInTime(run, LIFECYCLE_DEADLINE);
        assertThat(canary.requests()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void whileOneMemberStreamsAnEndlessBodyTheOthersAreProbedAtTheirCadence() {
        String endless = onboardScheduled(HostileMode.ENDLESS_BODY);
        String slow = onboardScheduled(HostileMode.SILENT_KEYSTONE);
        String honest = uniqueSlug("honest");
        Map<String, Object> member = new HashMap<>(memberBody(honest, SandboxTestResource.server().authUrl("alpha"), "alpha-secret", true));
        member.put("probes", Map.of("api", Map.of("enabled", true, "interval", "PT10S")));
        admin().body(member).post("/api/v1/members").then().statusCode(201);
        try {
            List<Instant> runs = await().atMost(Duration.ofSeconds(60)).until(() -> tokenIssues(honest, "OK"), r -> r.size() >= 4);
            for (int i = 1; i < runs.size(); i++) {
                assertThat(Duration.between(runs.get(i - 1), runs.get(i))).as("gap between the honest member's runs " + runs)
                        .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
            }
            assertThat(tokenIssues(endless, "OK")).as("the endless member authenticates, then its lists fail").isNotEmpty();
            assertThat(admin().get("/api/v1/members/" + endless + "/measurements?operation=compute.flavors.list").jsonPath()
                    .getList("items.errorClass", String.class)).isNotEmpty().allMatch(e -> e.startsWith("ANSWER_TOO_LARGE"));
            assertThat(tokenIssues(slow, "TIMEOUT")).as("the silent Keystone's runs are stored as TIMEOUT").isNotEmpty();
        } finally {
            for (String slug : List.of(endless, slow, honest)) {
                admin().delete("/api/v1/members/" + slug).then().statusCode(204);
            }
        }
    }

    private static String onboardScheduled(HostileMode mode) {
        String cloud = uniqueSlug("scheduled-" + mode.id());
        SandboxTestResource.putHostileCloud(cloud, profile(mode));
        Map<String, Object> member = new HashMap<>(memberBody(cloud, SandboxTestResource.server().authUrl(cloud), cloud + "-secret", true));
        member.put("probes", Map.of("api", Map.of("enabled", true, "interval", "PT10S")));
        admin().body(member).post("/api/v1/members").then().statusCode(201);
        return cloud;
    }

    /** When the member's stored token issues with this outcome started, in order. */
    private static List<Instant> tokenIssues(String slug, String outcome) {
        JsonPath items = admin().get("/api/v1/members/" + slug + "/measurements?operation=identity.token.issue&size=500").jsonPath();
        List<String> outcomes = items.getList("items.outcome", String.class);
        List<String> started = items.getList("items.startedAt", String.class);
        java.util.ArrayList<Instant> matching = new java.util.ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcome.equals(outcomes.get(i))) {
                matching.add(Instant.parse(started.get(i)));
            }
        }
        matching.sort(null);
        return matching;
    }

    private static void assertRunEndedBadlyInTime(JsonPath run, Duration deadline) {
        Instant started = Instant.parse(run.getString("startedAt"));
        Instant finished = Instant.parse(run.getString("finishedAt"));
        assertThat(Duration.between(started, finished)).as("the run's length").isLessThanOrEqualTo(deadline.plus(STORE_GRACE));
        List<Map<String, Object>> measurements = run.getList("measurements");
        assertThat(measurements).isNotEmpty();
        assertThat(measurements).extracting(m -> m.get("outcome")).as(run.prettify()).containsAnyOf("ERROR", "TIMEOUT");
        List<Map<String, Object>> failed = measurements.stream().filter(m -> !"OK".equals(m.get("outcome")))
                .filter(m -> !"NotChecked".equals(m.get("errorClass"))) // capabilities the agency has no check for
                .toList();
        assertThat(failed).allSatisfy(m -> assertThat((String) m.get("detail")).as("detail of " + m.get("operation"))
                .isNotBlank().hasSizeLessThan(2000));
        assertThat(failed).extracting(m -> m.get("outcome")).as("the agency's own faults").doesNotContain("INCONCLUSIVE");
    }
}

package org.stackratings.probe;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.RunStatus;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.member.MemberService;
import org.stackratings.sandbox.SandboxTestResource;
import org.stackratings.sandbox.state.SimulatedServer;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.uniqueSlug;
import static org.stackratings.probe.LifecycleProbeTest.servers;
import static org.stackratings.probe.SandboxMembersFixture.body;
import static org.stackratings.probe.SandboxMembersFixture.onboard;

@QuarkusTest
@TestProfile(ShortReaperTtlProfile.class)
@WithTestResource(SandboxTestResource.class)
class ProbeServerReaperTest {

    @Inject
    ProbeServerReaper reaper;
    @Inject
    MemberService members;
    @Inject
    MeasurementStore store;
    @Inject
    DataSource dataSource;

    @Test
    void deletesOnlyOldServersThatCarryBothMarkersAndReportsEachAsInconclusive() {
        String cloud = LifecycleProbeTest.cloud("leaked", "bootTime: { distribution: constant, medianMs: 50 }");
        String slug = uniqueSlug("reaped");
        Map<String, Object> member = new HashMap<>(body(slug, cloud, "pw"));
        member.put("probes", Map.of("api", Map.of("enabled", false), "lifecycle", Map.of("enabled", true, "interval", "PT24H")));
        onboard(member);

        Instant beforeBoots = Instant.now();
        String token = token(cloud);
        boot(cloud, token, "stackratings-probe-crashed-run", Map.of("stackratings.run", "crashed-run"));
        boot(cloud, token, "stackratings-probe-no-metadata", Map.of());
        boot(cloud, token, "customer-vm", Map.of("stackratings.run", "not-ours"));
        boot(cloud, token, "customer-database", Map.of());
        await().atMost(Duration.ofSeconds(5)).until(() -> servers(cloud).size() == 4);

        assertThat(reaper.reap(slug, beforeBoots)).as("nothing is older than the TTL before the boots").isZero();
        assertThat(reaper.reap(slug, Instant.now().plus(Duration.ofSeconds(3)))).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(servers(cloud)).extracting(SimulatedServer::name)
                .containsExactlyInAnyOrder("stackratings-probe-no-metadata", "customer-vm", "customer-database"));
        List<Map<String, Object>> reaped = admin().get("/api/v1/members/" + slug + "/measurements?probe=reaper")
                .jsonPath().getList("items");
        assertThat(reaped).singleElement().satisfies(m -> {
            assertThat(m.get("operation")).isEqualTo("compute.server.reaped");
            assertThat(m.get("outcome")).isEqualTo("INCONCLUSIVE");
            assertThat((String) m.get("detail")).contains("crashed-run");
        });
    }

    @Test
    void closesRunsOfEveryProbeThatAnyInstanceLeftRunningOnceTheyAreOlderThanTheProbeCanTake() throws Exception {
        String slug = uniqueSlug("stale-runs");
        long memberId = memberWithoutScheduledProbes(slug, "stale");
        Instant now = Instant.now();
        UUID oldApi = insertRunningRun(memberId, "api", "node-that-died", now.minus(Duration.ofMinutes(10)));
        UUID oldCompliance = insertRunningRun(memberId, "compliance", "node-that-died", now.minus(Duration.ofMinutes(10)));
        UUID freshApi = insertRunningRun(memberId, "api", "node-that-died", now.minus(Duration.ofSeconds(20)));
        UUID freshCompliance = insertRunningRun(memberId, "compliance", "local", now.minus(Duration.ofSeconds(30)));

        reaper.closeStaleRuns();

        assertThat(status(oldApi)).isEqualTo("INCONCLUSIVE");
        assertThat(status(oldCompliance)).isEqualTo("INCONCLUSIVE");
        assertThat(status(freshApi)).as("an api run within its deadline may still finish").isEqualTo("RUNNING");
        assertThat(status(freshCompliance)).as("a compliance run within its deadline may still finish").isEqualTo("RUNNING");
    }

    @Test
    void aRunClosedByTheReaperStaysClosedWhenItsFinishArrivesLate() throws Exception {
        String slug = uniqueSlug("late-finish");
        long memberId = memberWithoutScheduledProbes(slug, "late");
        UUID run = store.startRun(memberId, "api", RunTrigger.MANUAL);
        assertThat(store.abandonStaleRuns("api", Instant.now().plusSeconds(1))).isPositive();

        store.finishRun(run, slug, RunStatus.COMPLETED, "5/5 operations OK",
                List.of(OperationResult.ok("identity.token.issue", Instant.now(), 12.5, null)));

        assertThat(status(run)).isEqualTo("INCONCLUSIVE");
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(
                "select coalesce(sum(completed_runs), 0) from probe_run_rollup where member_id = ?")) {
            select.setLong(1, memberId);
            try (var rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).as("completed runs counted for the member").isZero();
            }
        }
    }

    /** Onboards a member of a new sandbox cloud whose api probe is not scheduled; returns its id. */
    private long memberWithoutScheduledProbes(String slug, String cloudPrefix) {
        Map<String, Object> member = new HashMap<>(body(slug, LifecycleProbeTest.cloud(cloudPrefix, ""), "pw"));
        member.put("probes", Map.of("api", Map.of("enabled", false)));
        onboard(member);
        return members.memberId(slug).orElseThrow();
    }

    private UUID insertRunningRun(long memberId, String probe, String vantage, Instant startedAt) throws Exception {
        UUID id = UUID.randomUUID();
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("insert into probe_run"
                + " (id, member_id, probe, vantage, trigger_kind, started_at, status) values (?, ?, ?, ?, 'SCHEDULED', ?, 'RUNNING')")) {
            insert.setObject(1, id);
            insert.setLong(2, memberId);
            insert.setString(3, probe);
            insert.setString(4, vantage);
            insert.setObject(5, OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return id;
    }

    private String status(UUID run) throws Exception {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("select status from probe_run where id = ?")) {
            select.setObject(1, run);
            try (var rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static String token(String cloud) {
        return RestAssured.given().contentType(ContentType.JSON).body("""
                        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"probe","domain":{"name":"Default"},"password":"pw"}}},
                         "scope":{"project":{"name":"probe","domain":{"name":"Default"}}}}}""")
                .post(SandboxTestResource.server().authUrl(cloud) + "/auth/tokens").then().statusCode(201)
                .extract().header("X-Subject-Token");
    }

    private static void boot(String cloud, String token, String name, Map<String, String> metadata) {
        CustomerServer.boot(SandboxTestResource.server().baseUrl() + "/" + cloud, token, name, metadata);
    }
}

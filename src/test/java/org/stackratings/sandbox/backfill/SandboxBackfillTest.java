package org.stackratings.sandbox.backfill;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.stackratings.measurement.LatencySketch;
import org.stackratings.member.MemberService;
import org.stackratings.rating.LiveRatingHold;
import org.stackratings.sandbox.SandboxLauncher;
import org.stackratings.sandbox.SandboxServer;
import org.stackratings.sandbox.profile.CloudProfile;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

/**
 * The backfill as dev mode runs it, on the clouds of sandbox/test-clouds.yaml (alpha, missing-volume, slow) in an
 * in-process sandbox, with 3 days of history and a 6-hour methodology window. The database is fresh (a new profile
 * restarts the application and Flyway cleans it), so the start-up run generates.
 */
@QuarkusTest
@TestProfile(SandboxBackfillTest.ThreeDays.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxBackfillTest {

    /** The in-process sandbox with the test clouds, 3 days of history, a methodology that rates from hours. */
    public static class ThreeDays implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("stackratings.sandbox.enabled", "true"),
                    Map.entry("stackratings.sandbox.port", "0"),
                    Map.entry("stackratings.sandbox.profiles", "sandbox/test-clouds.yaml"),
                    Map.entry("stackratings.sandbox.backfill.days", "3"),
                    Map.entry("stackratings.methodology.version", "test-backfill"),
                    Map.entry("stackratings.methodology.window", "PT6H"),
                    Map.entry("stackratings.methodology.minimum-history", "PT1H"),
                    Map.entry("stackratings.methodology.minimum-coverage", "0.8"),
                    Map.entry("stackratings.methodology.stability.hold", "PT2H"),
                    Map.entry("stackratings.methodology.stability.affirm-after", "P1D"),
                    Map.entry("stackratings.methodology.outlook.bucket", "PT1H"),
                    Map.entry("stackratings.methodology.outlook.horizon", "PT6H"));
        }
    }

    private static final List<String> CLOUDS = List.of("alpha", "missing-volume", "slow");

    @Inject
    SandboxBackfill backfill;
    @Inject
    SandboxLauncher launcher;
    @Inject
    LiveRatingHold hold;
    @Inject
    MemberService members;
    @Inject
    EntityManager em;

    private SandboxBackfill.Result startUpRun() {
        return await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> backfill.lastResult().orElse(null), r -> r != null);
    }

    @Test
    @Order(1)
    void writesMarkedRunsAndRollupsForTheSandboxClouds() {
        SandboxBackfill.Result result = startUpRun();
        assertThat(result.outcome()).as(result.message()).isEqualTo(SandboxBackfill.Outcome.GENERATED);
        assertThat(result.members()).containsExactlyInAnyOrderElementsOf(CLOUDS);
        assertThat(result.from()).isEqualTo(result.to().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(3)));
        assertThat(result.hoursReplayed()).isEqualTo(72);
        assertThat(hold.reason()).as("scheduled rating is released").isNull();

        long alpha = members.memberId("alpha").orElseThrow();
        List<Object[]> runs = query("select probe, vantage, trigger_kind, count(*), sum(covered_runs), min(started_at),"
                + " max(finished_at) from probe_run where member_id = ?1 and trigger_kind = 'BACKFILL'"
                + " group by probe, vantage, trigger_kind order by probe", alpha);
        assertThat(runs).hasSize(2);
        Object[] api = runs.get(0);
        assertThat(api[0]).isEqualTo("api");
        assertThat(api[1]).isEqualTo(SandboxBackfill.VANTAGE);
        // one run a minute (the test default cadence) from the start to the end, less the hour the agency was down
        long scheduled = (Duration.between(result.from(), result.to()).toMillis() + 59_999) / 60_000;
        assertThat(((Number) api[4]).longValue()).isEqualTo(scheduled - 60);
        assertThat(((Number) api[3]).longValue()).as("one row per 15 minutes").isLessThan(scheduled / 10);
        // the run rollups of both levels count the runs each row stands for, as coverage reads them
        for (String table : List.of("probe_run_rollup", "probe_run_rollup_day")) {
            assertThat(((Number) query("select sum(completed_runs) from " + table + " where member_id = ?1 and vantage = ?2"
                    + " and probe = 'api'", alpha, SandboxBackfill.VANTAGE).get(0)[0]).longValue()).as(table)
                    .isEqualTo(((Number) api[4]).longValue());
        }
        // the daily measurement rollups hold the sums of the hourly ones
        String sums = "select operation, sum(ok_count), sum(error_count), sum(timeout_count) from %s where member_id = ?1"
                + " and vantage = ?2 group by operation order by operation";
        List<String> daily = query(sums.formatted("measurement_rollup_day"), alpha, SandboxBackfill.VANTAGE).stream()
                .map(java.util.Arrays::toString).toList();
        List<String> hourly = query(sums.formatted("measurement_rollup"), alpha, SandboxBackfill.VANTAGE).stream()
                .map(java.util.Arrays::toString).toList();
        assertThat(daily).isNotEmpty().isEqualTo(hourly);
        assertThat(runs.get(1)[0]).isEqualTo("lifecycle");
        assertThat(runs.get(1)[1]).isEqualTo(SandboxBackfill.VANTAGE);

        assertThat(operations("alpha", "api")).containsExactlyInAnyOrder("identity.token.issue", "compute.flavors.list",
                "image.images.list", "network.networks.list", "volume.volumes.list");
        assertThat(operations("missing-volume", "api")).doesNotContain("volume.volumes.list").contains("compute.flavors.list");
        assertThat(operations("alpha", "lifecycle")).containsExactlyInAnyOrder("identity.token.issue",
                "compute.server.create", "compute.server.active", "compute.server.delete");

        List<Object[]> rows = query("select ok_count, latency from measurement_rollup where member_id = ?1 and vantage = ?2"
                + " and operation = 'compute.flavors.list' and ok_count > 0", members.memberId("slow").orElseThrow(),
                SandboxBackfill.VANTAGE);
        assertThat(rows).isNotEmpty().allSatisfy(row ->
                assertThat(LatencySketch.decode((byte[]) row[1]).count()).isEqualTo(((Number) row[0]).longValue()));

        String runId = query("select cast(id as varchar) from probe_run where member_id = ?1 and trigger_kind = 'BACKFILL'"
                + " order by started_at", alpha).get(0)[0].toString();
        JsonPath run = admin().get("/api/v1/members/alpha/probe-runs/" + runId).then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("trigger")).isEqualTo("BACKFILL");
        assertThat(run.getString("vantage")).isEqualTo("sandbox-backfill");
        assertThat(run.getString("summary")).contains("not measured");
        assertThat(run.getList("measurements")).isEmpty();
    }

    @Test
    @Order(2)
    void replaysRatingsActionsScoresAndStatisticsIntoThePast() {
        SandboxBackfill.Result result = startUpRun();
        Instant lastStep = result.to().truncatedTo(ChronoUnit.HOURS);

        JsonPath alpha = RestAssured.get("/api/v1/ratings/alpha").then().statusCode(200).extract().jsonPath();
        assertThat(alpha.getString("rating")).isNotIn("NR", "WR");
        assertThat(alpha.getString("methodologyVersion")).isEqualTo("test-backfill");
        assertThat(Instant.parse(alpha.getString("computedAt"))).isEqualTo(lastStep);
        assertThat(RestAssured.get("/api/v1/ratings?size=500").jsonPath()
                .getList("items.methodologyVersion", String.class)).containsOnly("test-backfill");

        // alpha, first in name order, had a 3-hour outage of every service: watch, downgrade, then back up
        JsonPath actions = RestAssured.get("/api/v1/ratings/alpha/actions?size=500").then().statusCode(200)
                .extract().jsonPath();
        assertThat(actions.getList("items.action", String.class)).contains("ASSIGNED", "WATCH_ON", "DOWNGRADE", "UPGRADE");
        assertThat(actions.getList("items.methodologyVersion", String.class)).containsOnly("test-backfill");
        List<Instant> effective = actions.getList("items.effectiveAt", String.class).stream().map(Instant::parse).toList();
        assertThat(effective).allSatisfy(at -> assertThat(at).isBetween(result.from(), lastStep));
        assertThat(effective.get(effective.size() - 1)).as("assigned at the first replayed hour")
                .isEqualTo(result.from().plus(Duration.ofHours(1)));

        JsonPath scores = admin().get("/api/v1/members/alpha/scores?from=" + result.from() + "&to=" + result.to())
                .then().statusCode(200).extract().jsonPath();
        assertThat(scores.getList("$")).hasSize(72);
        assertThat(scores.getList("methodologyVersion", String.class)).containsOnly("test-backfill");
        assertThat(scores.getList("indicatedRating", String.class)).contains("B1");

        String period = "?from=" + result.from().plus(Duration.ofHours(2)) + "&to=" + lastStep;
        JsonPath transitions = RestAssured.get("/api/v1/statistics/transitions" + period).then().statusCode(200)
                .extract().jsonPath();
        assertThat(transitions.getLong("members")).isGreaterThanOrEqualTo(3);
        assertThat(transitions.getList("methodologyVersions", String.class)).containsExactly("test-backfill");
        JsonPath performance = RestAssured.get("/api/v1/statistics/performance" + period).then().statusCode(200)
                .extract().jsonPath();
        assertThat(performance.getList("bands.members", Long.class).stream().mapToLong(Long::longValue).sum())
                .isGreaterThanOrEqualTo(3);
        assertThat(performance.getString("methodologyVersion")).isEqualTo("test-backfill");
    }

    @Test
    @Order(3)
    void aSecondRunWritesNothing() {
        startUpRun();
        long[] before = counts();
        SandboxBackfill.Result again = backfill.run(Instant.now(), 3);
        assertThat(again.outcome()).as(again.message()).isEqualTo(SandboxBackfill.Outcome.SKIPPED);
        assertThat(counts()).containsExactly(before);
    }

    @Test
    @Order(4)
    void refusesMembersThatAreNotSandboxClouds() {
        SandboxBackfill.Result result = startUpRun();
        String real = uniqueSlug("real");
        admin().body(memberBody(real, "http://127.0.0.1:9/identity/v3", "secret", false)).post("/api/v1/members")
                .then().statusCode(201);
        String copy = uniqueSlug("alpha-copy");
        admin().body(memberBody(copy, launcher.server().orElseThrow().authUrl("alpha"), "alpha-secret", false))
                .post("/api/v1/members").then().statusCode(201);
        BackfillPlan plan = BackfillPlan.of(List.of(real), result.to(), 1);
        long[] before = counts();

        assertThatThrownBy(() -> backfill.generate(List.of(real), plan)).isInstanceOf(NotSandboxMemberException.class)
                .hasMessageContaining(real).hasMessageContaining("no cloud of that name");
        assertThatThrownBy(() -> backfill.generate(List.of(copy), plan)).isInstanceOf(NotSandboxMemberException.class)
                .hasMessageContaining("no cloud of that name");
        assertThatThrownBy(() -> backfill.generate(List.of("alpha", real), plan))
                .isInstanceOf(NotSandboxMemberException.class);
        assertThat(query("select count(*) from probe_run where member_id in (?1, ?2)",
                members.memberId(real).orElseThrow(), members.memberId(copy).orElseThrow()).get(0)[0])
                .isEqualTo(0L);
        assertThat(counts()).containsExactly(before);

        SandboxBackfill.Result again = backfill.run(Instant.now(), 3);
        assertThat(again.outcome()).isEqualTo(SandboxBackfill.Outcome.SKIPPED);
        assertThat(again.message()).contains("other than sandbox clouds").contains(real).contains(copy);
    }

    /** A member whose slug is a sandbox cloud's but whose Keystone URL is not the in-process sandbox's is refused. */
    @Test
    @Order(5)
    void refusesASandboxNameOnAnotherKeystone() {
        startUpRun();
        SandboxServer sandbox = launcher.server().orElseThrow();
        CloudProfile other = CloudProfile.basic(uniqueSlug("elsewhere"), "elsewhere-secret");
        sandbox.putCloud(other);
        try {
            admin().body(memberBody(other.name(), "http://127.0.0.1:9/" + other.name() + "/identity/v3", "elsewhere-secret",
                    false)).post("/api/v1/members").then().statusCode(201);
            BackfillPlan plan = BackfillPlan.of(List.of(other.name()), Instant.now(), 1);
            assertThatThrownBy(() -> backfill.generate(List.of(other.name()), plan))
                    .isInstanceOf(NotSandboxMemberException.class).hasMessageContaining("Keystone URL");
        } finally {
            sandbox.removeCloud(other.name());
        }
    }

    /** Backfill run rows, backfill rollup rows and rating actions of the sandbox clouds. */
    private long[] counts() {
        return new long[]{
                ((Number) query("select count(*) from probe_run where trigger_kind = 'BACKFILL'").get(0)[0]).longValue(),
                ((Number) query("select count(*) from measurement_rollup where vantage = ?1", SandboxBackfill.VANTAGE)
                        .get(0)[0]).longValue(),
                ((Number) query("select count(*) from rating_action").get(0)[0]).longValue()};
    }

    private List<String> operations(String member, String probe) {
        return query("select distinct operation from measurement_rollup where member_id = ?1 and vantage = ?2 and probe = ?3",
                members.memberId(member).orElseThrow(), SandboxBackfill.VANTAGE, probe)
                .stream().map(r -> r[0].toString()).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> query(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((List<Object>) q.getResultList()).stream()
                    .map(r -> r instanceof Object[] a ? a : new Object[]{r}).toList();
        });
    }
}

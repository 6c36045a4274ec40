package org.stackratings.measurement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

@QuarkusTest
class RollupHistoryTest {

    /** A UTC midnight three days ago: steps of a day start there. */
    private static final Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));

    @Inject
    MeasurementStore store;
    @Inject
    RollupHistory history;
    @Inject
    RecentFailures failures;
    @Inject
    EntityManager em;

    @Test
    void sumsTheHourlyRollupsPerStepAndProbe() {
        long member = member();
        finish(member, "api", List.of(
                ok("compute.flavors.list", DAY.plusSeconds(600), 10), ok("compute.flavors.list", DAY.plusSeconds(4000), 30),
                failed("compute.flavors.list", DAY.plusSeconds(7300)),
                ok("compute.flavors.list", DAY.plus(Duration.ofHours(7)), 50),
                ok("compute.flavors.list", DAY.plus(Duration.ofHours(25)), 70)));
        finish(member, "lifecycle", List.of(ok("compute.server.active", DAY.plusSeconds(900), 30_000)));

        List<RollupHistory.Series> sixHours = history.series(member, DAY, DAY.plus(Duration.ofDays(2)), Duration.ofHours(6), true);
        assertThat(sixHours).extracting(RollupHistory.Series::probe).containsExactly("api", "lifecycle");
        List<RollupHistory.Point> api = sixHours.get(0).points();
        assertThat(api).extracting(RollupHistory.Point::start)
                .containsExactly(DAY, DAY.plus(Duration.ofHours(6)), DAY.plus(Duration.ofHours(24)));
        RollupHistory.Point first = api.get(0);
        assertThat(first.ok()).isEqualTo(2);
        assertThat(first.error()).isEqualTo(1);
        assertThat(first.availabilityPercent()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(first.p50()).isCloseTo(10.0, within(0.1));
        assertThat(first.p99()).isCloseTo(30.0, within(0.3));
        assertThat(api.get(1).p50()).isCloseTo(50.0, within(0.5));

        List<RollupHistory.Series> days = history.series(member, DAY, DAY.plus(Duration.ofDays(2)), Duration.ofDays(1), false);
        assertThat(days.get(0).points()).extracting(RollupHistory.Point::ok).containsExactly(3L, 1L);
        assertThat(days.get(0).points().get(0).p50()).as("counts only").isNull();

        // steps of days over a range that is not whole days: the partial days count only their hours in the range
        List<RollupHistory.Point> partial = history.series(member, DAY.plus(Duration.ofHours(2)),
                DAY.plus(Duration.ofHours(24)).plusSeconds(1800), Duration.ofDays(1), false).get(0).points();
        assertThat(partial).extracting(RollupHistory.Point::start).containsExactly(DAY);
        assertThat(partial.get(0).ok()).isEqualTo(1);
        assertThat(partial.get(0).error()).isEqualTo(1);
        // a whole-day range in steps of days (read from the daily rows) equals the same range in steps of hours summed
        RollupHistory.Point wholeDay = history.series(member, DAY, DAY.plus(Duration.ofDays(1)), Duration.ofDays(1), true)
                .get(0).points().get(0);
        assertThat(wholeDay.ok()).isEqualTo(history.series(member, DAY, DAY.plus(Duration.ofDays(1)), Duration.ofHours(1), false)
                .get(0).points().stream().mapToLong(RollupHistory.Point::ok).sum());
        assertThat(wholeDay.p50()).isCloseTo(30.0, within(0.3));

        // the range is [from, to): the second day is left out
        assertThat(history.series(member, DAY, DAY.plus(Duration.ofDays(1)), Duration.ofDays(1), false).get(0).points()).hasSize(1);
        assertThatThrownBy(() -> history.series(member, DAY, DAY.plusSeconds(60), Duration.ofMinutes(30), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recentFailuresAreTheLatestErrorsAndTimeoutsNewestFirst() {
        long member = member();
        finish(member, "api", List.of(failed("image.images.list", DAY.plusSeconds(10)),
                ok("image.images.list", DAY.plusSeconds(20), 5),
                new OperationResult("image.images.list", DAY.plusSeconds(30), 10_000, Outcome.TIMEOUT, null, "ReadTimeout", "no answer"),
                new OperationResult("image.images.list", DAY.plusSeconds(40), 1, Outcome.INCONCLUSIVE, null, "Agency", "ours")));
        List<MeasurementView> latest = failures.latest(member, "m", DAY, DAY.plusSeconds(3600), 10);
        assertThat(latest).extracting(MeasurementView::outcome).containsExactly(Outcome.TIMEOUT, Outcome.ERROR);
        assertThat(latest.get(1).detail()).isEqualTo("HTTP 503");
        assertThat(failures.latest(member, "m", DAY, DAY.plusSeconds(3600), 1)).hasSize(1);
    }

    private static OperationResult ok(String operation, Instant at, double ms) {
        return OperationResult.ok(operation, at, ms, 200);
    }

    private static OperationResult failed(String operation, Instant at) {
        return new OperationResult(operation, at, 12, Outcome.ERROR, 503, "HttpError", "HTTP 503");
    }

    private void finish(long member, String probe, List<OperationResult> results) {
        UUID run = store.startRun(member, probe, RunTrigger.MANUAL);
        store.finishRun(run, "m", RunStatus.COMPLETED, "test", results);
    }

    private long member() {
        String slug = uniqueSlug("history");
        admin().body(memberBody(slug, "http://127.0.0.1:9/v3", "pw", false)).post("/api/v1/members").then().statusCode(201);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from member where slug = ?1").setParameter(1, slug).getSingleResult()).longValue());
    }
}

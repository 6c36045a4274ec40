package org.stackratings.measurement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

/** Runs stored together (group commit) are stored exactly as one by one, and one bad run fails only its caller. */
@QuarkusTest
class MeasurementStoreTest {

    @Inject
    MeasurementStore store;
    @Inject
    EntityManager em;

    @Test
    void runsFinishingTogetherAreAllStoredAndABadOneFailsAlone() throws Exception {
        long member = member();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<UUID>> good = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                good.add(pool.submit(() -> {
                    UUID run = store.startRun(member, "api", RunTrigger.MANUAL);
                    store.finishRun(run, "m", RunStatus.COMPLETED, "ok", List.of(
                            OperationResult.ok("identity.token.issue", Instant.now(), 12, 201),
                            OperationResult.ok("compute.flavors.list", Instant.now(), 30, 200)));
                    return run;
                }));
            }
            Future<?> bad = pool.submit(() -> store.finishRun(UUID.randomUUID(), "m", RunStatus.COMPLETED, "never started",
                    List.of(OperationResult.ok("identity.token.issue", Instant.now(), 12, 201))));

            assertThatThrownBy(bad::get).isInstanceOf(ExecutionException.class)
                    .hasRootCauseInstanceOf(IllegalStateException.class).hasMessageContaining("vanished");
            for (Future<UUID> run : good) {
                UUID id = run.get();
                assertThat(scalar("select status from probe_run where id = ?1", id)).isEqualTo("COMPLETED");
                assertThat(((Number) scalar("select count(*) from measurement where run_id = ?1", id)).longValue()).isEqualTo(2);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(sum("select sum(ok_count) from measurement_rollup where member_id = ?1", member)).isEqualTo(120);
        assertThat(sum("select sum(ok_count) from measurement_rollup_day where member_id = ?1", member)).isEqualTo(120);
        assertThat(sum("select sum(completed_runs) from probe_run_rollup where member_id = ?1", member)).isEqualTo(60);
        assertThat(sum("select sum(completed_runs) from probe_run_rollup_day where member_id = ?1", member)).isEqualTo(60);
    }

    @Test
    void aRunIsStoredEvenWhenItsCallerIsInterrupted() {
        long member = member();
        UUID run = store.startRun(member, "api", RunTrigger.MANUAL);
        Thread.currentThread().interrupt();
        try {
            store.finishRun(run, "m", RunStatus.INCONCLUSIVE, "the agency stopped the run (shutdown)", List.of(
                    new OperationResult("identity.token.issue", Instant.now(), 0, Outcome.INCONCLUSIVE, null, "Interrupted", null)));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(scalar("select status from probe_run where id = ?1", run)).isEqualTo("INCONCLUSIVE");
        // an INCONCLUSIVE run measured nothing: it is in the measurement rollups, not counted as a completed run
        assertThat(sum("select sum(inconclusive_count) from measurement_rollup where member_id = ?1", member)).isEqualTo(1);
        assertThat(sum("select coalesce(sum(completed_runs), 0) from probe_run_rollup where member_id = ?1", member)).isZero();
    }

    @Test
    void runIdsAreTimeOrderedUuids() throws Exception {
        long member = member();
        UUID first = store.startRun(member, "api", RunTrigger.MANUAL);
        Thread.sleep(5);
        UUID second = store.startRun(member, "api", RunTrigger.MANUAL);
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(Long.compareUnsigned(second.getMostSignificantBits(), first.getMostSignificantBits())).isPositive();
        long startedMillis = instant(scalar("select started_at from probe_run where id = ?1", first)).toEpochMilli();
        assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(startedMillis);
    }

    /** A timestamp as the database's driver returns it from a native query (H2 and PostgreSQL differ). */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass());
    }

    private Object scalar(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult());
    }

    private long sum(String sql, long member) {
        return ((Number) scalar(sql, member)).longValue();
    }

    private long member() {
        String slug = uniqueSlug("store");
        admin().body(memberBody(slug, "http://127.0.0.1:9/v3", "pw", false)).post("/api/v1/members").then().statusCode(201);
        return ((Number) scalar("select id from member where slug = ?1", slug)).longValue();
    }
}

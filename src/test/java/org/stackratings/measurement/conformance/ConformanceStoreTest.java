package org.stackratings.measurement.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.RunTrigger;

/** A conformance run's outcome is stored with its run, read back in the guideline's order and announced. */
@QuarkusTest
class ConformanceStoreTest {

    @Inject
    MeasurementStore measurements;
    @Inject
    ConformanceStore store;
    @Inject
    EntityManager em;
    @Inject
    Announcements announcements;

    @Singleton
    static class Announcements {
        final List<ConformanceStored> seen = new CopyOnWriteArrayList<>();

        void stored(@Observes ConformanceStored event) {
            seen.add(event);
        }
    }

    @Test
    void anOutcomeIsStoredWithItsRunAndReadBackUnchanged() {
        long member = member();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID first = run(member, at, List.of(
                new CapabilityOutcome("compute-servers-create", ConformanceStatus.PASS, null,
                        "[{\"call\":\"POST compute /servers\",\"status\":202}]"),
                new CapabilityOutcome("compute-servers-resize", ConformanceStatus.NOT_APPLICABLE,
                        "the member names no second flavor (setting probeFlavorAlt)", "[]"),
                new CapabilityOutcome("compute-keypairs-create", ConformanceStatus.FAIL, "POST answered 500",
                        "[{\"call\":\"POST compute /os-keypairs\",\"status\":500}]")));
        UUID second = run(member, at.plusSeconds(60), List.of(
                new CapabilityOutcome("compute-servers-create", ConformanceStatus.PASS, null, "[]")));

        ConformanceOutcome stored = store.run(first).orElseThrow();
        assertThat(stored.capabilities()).extracting(CapabilityOutcome::capability).as("the guideline's order")
                .containsExactly("compute-servers-create", "compute-servers-resize", "compute-keypairs-create");
        assertThat(stored.count(ConformanceStatus.FAIL)).isEqualTo(1);
        assertThat(stored.passed()).isFalse();
        assertThat(stored.evidenceDigest()).isEqualTo(QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select evidence_digest from conformance_run where run_id = ?1")
                        .setParameter(1, first).getSingleResult()));
        assertThat(store.latest(member, "2020.06").map(ConformanceOutcome::runId)).contains(second);
        assertThat(store.history(member, "2020.06", 5)).extracting(ConformanceOutcome::runId)
                .containsExactly(second, first);
        assertThat(store.latest(member, "2025.11")).isEmpty();
        assertThat(announcements.seen).contains(new ConformanceStored(member, first, "2020.06"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select status from probe_run where id = ?1").setParameter(1, first).getSingleResult()))
                .isEqualTo("COMPLETED");
    }

    @Test
    void theDigestChangesWithAnyEvidence() {
        ConformanceOutcome a = new ConformanceOutcome(UUID.randomUUID(), 1, "2020.06", "OpenStack Powered Compute",
                Instant.EPOCH, List.of(new CapabilityOutcome("c", ConformanceStatus.PASS, null, "[1]")));
        ConformanceOutcome b = new ConformanceOutcome(UUID.randomUUID(), 2, "2020.06", "OpenStack Powered Compute",
                Instant.EPOCH, List.of(new CapabilityOutcome("c", ConformanceStatus.PASS, null, "[2]")));
        ConformanceOutcome c = new ConformanceOutcome(UUID.randomUUID(), 3, "2020.06", "OpenStack Powered Compute",
                Instant.EPOCH, List.of(new CapabilityOutcome("c", ConformanceStatus.PASS, null, "[1]")));
        assertThat(a.evidenceDigest()).hasSize(64).isNotEqualTo(b.evidenceDigest()).isEqualTo(c.evidenceDigest());
        assertThat(a.passed()).isTrue();
    }

    private UUID run(long member, Instant finishedAt, List<CapabilityOutcome> capabilities) {
        UUID run = measurements.startRun(member, "conformance", RunTrigger.MANUAL);
        store.finish(new ConformanceOutcome(run, member, "2020.06", "OpenStack Powered Compute", finishedAt,
                capabilities), "m", "checked", List.of(OperationResult.ok("identity.token.issue", finishedAt, 5, 201)));
        return run;
    }

    private long member() {
        String slug = uniqueSlug("conformance");
        admin().body(memberBody(slug, "http://127.0.0.1:9/v3", "pw", false)).post("/api/v1/members").then()
                .statusCode(201);
        return ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from member where slug = ?1").setParameter(1, slug).getSingleResult())).longValue();
    }
}

package org.stackratings.certification;

import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.measurement.conformance.CapabilityOutcome;
import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.measurement.conformance.ConformanceStatus;
import org.stackratings.measurement.conformance.ConformanceStore;

/**
 * Members and conformance runs for certification tests: runs are stored through {@link ConformanceStore#finish}, as the
 * conformance run stores them, so the certifier applies them after the commit.
 */
public final class CertificationFixture {

    public static final String GUIDELINE = "2020.06";
    public static final String TARGET = "OpenStack Powered Compute";
    public static final List<String> CAPABILITIES = List.of("compute-servers-create", "compute-keypairs-create",
            "identity-v3-tokens-create");

    private CertificationFixture() {
    }

    /** Onboards a member; returns its slug and id. */
    public static Member member(String prefix) {
        String slug = uniqueSlug(prefix);
        admin().body(memberBody(slug, "http://127.0.0.1:9/v3", "pw", false)).post("/api/v1/members").then()
                .statusCode(201);
        return existing(slug);
    }

    /** A member onboarded elsewhere (a rated member of the gate's tests). */
    public static Member existing(String slug) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        long id = ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from member where slug = ?1").setParameter(1, slug).getSingleResult())).longValue();
        return new Member(slug, id);
    }

    public record Member(String slug, long id) {
    }

    /** A run where every capability passes (one does not apply). */
    public static UUID passing(Member member, Instant finishedAt) {
        List<CapabilityOutcome> outcomes = new ArrayList<>();
        for (String c : CAPABILITIES) {
            outcomes.add(new CapabilityOutcome(c, ConformanceStatus.PASS, null,
                    "[{\"call\":\"POST compute /servers\",\"status\":202,\"expected\":\"HTTP 202\"}]"));
        }
        outcomes.add(new CapabilityOutcome("compute-servers-resize", ConformanceStatus.NOT_APPLICABLE,
                "the member names no second flavor (setting probeFlavorAlt)", "[]"));
        return store(member, finishedAt, outcomes);
    }

    /** A run where the named capabilities fail and the others pass. */
    public static UUID failing(Member member, Instant finishedAt, String... failing) {
        List<String> failed = List.of(failing);
        return store(member, finishedAt, CAPABILITIES.stream().map(c -> failed.contains(c)
                ? new CapabilityOutcome(c, ConformanceStatus.FAIL, "POST answered 500",
                "[{\"call\":\"POST compute /os-keypairs\",\"status\":500,\"expected\":\"HTTP 200\"}]")
                : new CapabilityOutcome(c, ConformanceStatus.PASS, null, "[]")).toList());
    }

    /** A run the agency could not complete: one capability NOT_CHECKED, the others pass. */
    public static UUID incomplete(Member member, Instant finishedAt) {
        return store(member, finishedAt, CAPABILITIES.stream().map(c -> c.equals(CAPABILITIES.get(0))
                ? new CapabilityOutcome(c, ConformanceStatus.NOT_CHECKED, "the agency's run deadline passed", "[]")
                : new CapabilityOutcome(c, ConformanceStatus.PASS, null, "[]")).toList());
    }

    /**
     * A failing run stored with its results as {@link ConformanceStore#finish} stores it, but without the event that
     * has it applied: what an instance that died between the commit and the apply leaves behind.
     */
    public static UUID storedWithoutApplying(Member member, Instant finishedAt, String failing) {
        MeasurementStore measurements = Arc.container().instance(MeasurementStore.class).get();
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        UUID run = measurements.startRun(member.id(), "conformance", RunTrigger.MANUAL);
        QuarkusTransaction.requiringNew().run(() -> {
            measurements.completeInTransaction(run, member.slug(), "checked",
                    List.of(OperationResult.ok("identity.token.issue", finishedAt, 5, 201)));
            em.createNativeQuery("insert into conformance_run (run_id, member_id, guideline, target, finished_at, passed,"
                            + " failed, not_applicable, not_checked, evidence_digest) values (?1, ?2, ?3, ?4, ?5, 0, 1, 0, 0, ?6)")
                    .setParameter(1, run).setParameter(2, member.id()).setParameter(3, GUIDELINE).setParameter(4, TARGET)
                    .setParameter(5, finishedAt).setParameter(6, "0".repeat(64)).executeUpdate();
            em.createNativeQuery("insert into conformance_result (run_id, capability, position, status, reason, evidence)"
                            + " values (?1, ?2, 0, 'FAIL', 'POST answered 500', '[]')")
                    .setParameter(1, run).setParameter(2, failing).executeUpdate();
        });
        return run;
    }

    private static UUID store(Member member, Instant finishedAt, List<CapabilityOutcome> outcomes) {
        MeasurementStore measurements = Arc.container().instance(MeasurementStore.class).get();
        ConformanceStore store = Arc.container().instance(ConformanceStore.class).get();
        UUID run = measurements.startRun(member.id(), "conformance", RunTrigger.MANUAL);
        store.finish(new ConformanceOutcome(run, member.id(), GUIDELINE, TARGET, finishedAt, outcomes), member.slug(),
                "checked", List.of(OperationResult.ok("identity.token.issue", finishedAt, 5, 201)));
        return run;
    }
}

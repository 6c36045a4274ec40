package org.stackratings.measurement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's statistics over a window. Outcome counts and latency percentiles come from the hourly rollups
 * ({@link MeasurementRollups}: merged latency sketches), never from raw measurements, over the hours that start in
 * [from rounded down to the hour, to). Coverage (measured runs, first run) comes from {@code probe_run}, which is
 * not subject to raw retention, exactly over [from, to): the runs that started in it, each counted for the runs it
 * stands for ({@link ProbeRun#coveredRuns}: 1, or more for imported history).
 */
@ApplicationScoped
@Transactional
public class WindowStatisticsQuery {

    private final EntityManager em;
    private final MeasurementQuery measurements;
    private final MeasurementRollups rollups;

    public WindowStatisticsQuery(EntityManager em, MeasurementQuery measurements, MeasurementRollups rollups) {
        this.em = em;
        this.measurements = measurements;
        this.rollups = rollups;
    }

    /** The api probe's statistics (coverage, availability, latency), the lifecycle probe's, and the latest compliance. */
    public WindowStatistics forWindow(long memberId, Instant from, Instant to) {
        WindowStatistics api = forWindow(memberId, "api", from, to);
        WindowStatistics lifecycle = forWindow(memberId, "lifecycle", from, to);
        return new WindowStatistics(api.from(), api.to(), api.firstRunAt(), api.measuredRuns(), api.operations(),
                api.missingServices(), lifecycle.operations(), compliance(memberId));
    }

    private WindowStatistics.ComplianceSummary compliance(long memberId) {
        List<ComplianceResult> results = ComplianceResult.ofMember(memberId);
        if (results.isEmpty()) {
            return null;
        }
        long passed = results.stream().filter(r -> "PASS".equals(r.status)).count();
        List<String> failed = results.stream().filter(r -> "FAIL".equals(r.status)).map(r -> r.id.capability()).toList();
        long notChecked = results.size() - passed - failed.size();
        Instant checkedAt = results.stream().map(r -> r.checkedAt).max(Instant::compareTo).orElse(null);
        return new WindowStatistics.ComplianceSummary(results.get(0).guideline, passed, failed.size(), notChecked, checkedAt, failed);
    }

    public WindowStatistics forWindow(long memberId, String probe, Instant from, Instant to) {
        // the first row in the order of index probe_run_member_started, not min(): H2 answers min() with a where clause,
        // or an order by that is not the index's own, by reading every run of the member
        Instant firstRun = em.createQuery("select r.startedAt from ProbeRun r where r.memberId = :m and r.probe = :p"
                        + " order by r.memberId, r.probe, r.startedAt", Instant.class)
                .setParameter("m", memberId).setParameter("p", probe).setMaxResults(1).getResultStream()
                .findFirst().orElse(null);
        long measuredRuns = em.createQuery("select coalesce(sum(r.coveredRuns), 0L) from ProbeRun r where r.memberId = :m and r.probe = :p"
                        + " and r.status = :s and r.startedAt >= :from and r.startedAt < :to", Long.class)
                .setParameter("m", memberId).setParameter("p", probe).setParameter("s", RunStatus.COMPLETED)
                .setParameter("from", from).setParameter("to", to).getSingleResult();

        Map<String, WindowStatistics.OperationStatistics> operations = new LinkedHashMap<>();
        rollups.totals(memberId, probe, from, to).forEach((op, t) -> operations.put(op,
                new WindowStatistics.OperationStatistics(op, t.ok(), t.error(), t.timeout(), t.inconclusive(),
                        t.latency().percentile(50), t.latency().percentile(95), t.latency().percentile(99))));
        return new WindowStatistics(from, to, firstRun, measuredRuns, operations, measurements.missingServices(memberId));
    }
}

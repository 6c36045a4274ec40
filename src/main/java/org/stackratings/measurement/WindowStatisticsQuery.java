package org.stackratings.measurement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates a member's api measurements over a window in the database (counts and percentiles),
 * with SQL that both H2 (PostgreSQL mode) and PostgreSQL run.
 */
@ApplicationScoped
@Transactional
public class WindowStatisticsQuery {

    private final EntityManager em;
    private final MeasurementQuery measurements;

    public WindowStatisticsQuery(EntityManager em, MeasurementQuery measurements) {
        this.em = em;
        this.measurements = measurements;
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
        Instant firstRun = (Instant) em.createQuery(
                        "select min(r.startedAt) from ProbeRun r where r.memberId = :m and r.probe = :p", Instant.class)
                .setParameter("m", memberId).setParameter("p", probe).getSingleResult();
        long measuredRuns = em.createQuery("select count(r) from ProbeRun r where r.memberId = :m and r.probe = :p"
                        + " and r.status = :s and r.startedAt >= :from and r.startedAt < :to", Long.class)
                .setParameter("m", memberId).setParameter("p", probe).setParameter("s", RunStatus.COMPLETED)
                .setParameter("from", from).setParameter("to", to).getSingleResult();

        Map<String, long[]> counts = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> outcomeRows = em.createNativeQuery("select operation, outcome, count(*) from measurement"
                        + " where member_id = ?1 and probe = ?2 and started_at >= ?3 and started_at < ?4"
                        + " group by operation, outcome")
                .setParameter(1, memberId).setParameter(2, probe)
                .setParameter(3, Timestamp.from(from)).setParameter(4, Timestamp.from(to)).getResultList();
        for (Object[] row : outcomeRows) {
            long[] c = counts.computeIfAbsent((String) row[0], k -> new long[4]);
            c[Outcome.valueOf((String) row[1]).ordinal()] += ((Number) row[2]).longValue();
        }

        Map<String, double[]> percentiles = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> latencyRows = em.createNativeQuery("select operation,"
                        + " percentile_cont(0.5) within group (order by duration_ms),"
                        + " percentile_cont(0.95) within group (order by duration_ms),"
                        + " percentile_cont(0.99) within group (order by duration_ms)"
                        + " from measurement where member_id = ?1 and probe = ?2 and outcome = 'OK'"
                        + " and started_at >= ?3 and started_at < ?4 group by operation")
                .setParameter(1, memberId).setParameter(2, probe)
                .setParameter(3, Timestamp.from(from)).setParameter(4, Timestamp.from(to)).getResultList();
        for (Object[] row : latencyRows) {
            percentiles.put((String) row[0], new double[]{
                    ((Number) row[1]).doubleValue(), ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue()});
        }

        Map<String, WindowStatistics.OperationStatistics> operations = new LinkedHashMap<>();
        counts.keySet().stream().sorted().forEach(op -> {
            long[] c = counts.get(op);
            double[] p = percentiles.get(op);
            operations.put(op, new WindowStatistics.OperationStatistics(op,
                    c[Outcome.OK.ordinal()], c[Outcome.ERROR.ordinal()], c[Outcome.TIMEOUT.ordinal()],
                    c[Outcome.INCONCLUSIVE.ordinal()],
                    p == null ? null : p[0], p == null ? null : p[1], p == null ? null : p[2]));
        });
        return new WindowStatistics(from, to, firstRun, measuredRuns, operations, measurements.missingServices(memberId));
    }
}

package org.stackratings.measurement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Members' statistics over a window. Outcome counts and latency percentiles come from the rollups
 * ({@link MeasurementRollups}: merged latency sketches, daily rows for whole days, hourly rows for the rest), never
 * from raw measurements, over the hours that start in [from rounded down to the hour, to). Coverage (measured runs)
 * is exact over [from, to): the run rollups for whole hours and {@code probe_run} for the partial hours at either end,
 * each run counted for the runs it stands for ({@link ProbeRun#coveredRuns}: 1, or more for imported history);
 * the first run comes from {@code probe_run}, which is not subject to raw retention. Many members are read with a
 * few statements per {@value RollupReader#CHUNK} ({@link #forWindows}).
 */
@ApplicationScoped
@Transactional
public class WindowStatisticsQuery {

    private static final String API = "api";
    private static final String LIFECYCLE = "lifecycle";

    private final EntityManager em;

    public WindowStatisticsQuery(EntityManager em) {
        this.em = em;
    }

    /** The api probe's statistics (coverage, availability, latency), the lifecycle probe's, and the latest compliance. */
    public WindowStatistics forWindow(long memberId, Instant from, Instant to) {
        return forWindows(List.of(memberId), from, to).get(memberId);
    }

    /** {@link #forWindow(long, Instant, Instant)} of every member in the list, read together. */
    public Map<Long, WindowStatistics> forWindows(List<Long> memberIds, Instant from, Instant to) {
        Session session = em.unwrap(Session.class);
        Map<Long, Map<String, Map<String, RollupReader.Sum>>> totals = session.doReturningWork(c ->
                RollupReader.totals(c, memberIds, List.of(API, LIFECYCLE), from, to));
        Map<Long, Long> runs = session.doReturningWork(c -> RollupReader.completedRuns(c, memberIds, API, from, to));
        Map<Long, Instant> firstRuns = session.doReturningWork(c -> RollupReader.firstRuns(c, memberIds, API));
        Map<Long, List<String>> missing = missingServices(memberIds);
        Map<Long, WindowStatistics.ComplianceSummary> compliance = compliance(memberIds);
        Map<Long, WindowStatistics> statistics = new HashMap<>();
        for (long member : memberIds) {
            Map<String, Map<String, RollupReader.Sum>> probes = totals.getOrDefault(member, Map.of());
            statistics.put(member, new WindowStatistics(from, to, firstRuns.get(member), runs.getOrDefault(member, 0L),
                    operations(probes.get(API)), missing.getOrDefault(member, List.of()), operations(probes.get(LIFECYCLE)),
                    compliance.get(member)));
        }
        return statistics;
    }

    /** One probe's statistics: coverage, outcome counts and percentiles per operation. */
    public WindowStatistics forWindow(long memberId, String probe, Instant from, Instant to) {
        List<Long> member = List.of(memberId);
        Session session = em.unwrap(Session.class);
        Map<String, RollupReader.Sum> sums = session.doReturningWork(c ->
                RollupReader.totals(c, member, List.of(probe), from, to)).getOrDefault(memberId, Map.of()).get(probe);
        long runs = session.doReturningWork(c -> RollupReader.completedRuns(c, member, probe, from, to))
                .getOrDefault(memberId, 0L);
        Instant firstRun = session.doReturningWork(c -> RollupReader.firstRuns(c, member, probe)).get(memberId);
        return new WindowStatistics(from, to, firstRun, runs, operations(sums),
                missingServices(member).getOrDefault(memberId, List.of()));
    }

    private static Map<String, WindowStatistics.OperationStatistics> operations(Map<String, RollupReader.Sum> sums) {
        Map<String, WindowStatistics.OperationStatistics> operations = new LinkedHashMap<>();
        if (sums != null) {
            MeasurementRollups.totalsOf(sums).forEach((op, t) -> operations.put(op,
                    new WindowStatistics.OperationStatistics(op, t.ok(), t.error(), t.timeout(), t.inconclusive(),
                            t.latency().percentile(50), t.latency().percentile(95), t.latency().percentile(99))));
        }
        return operations;
    }

    private static Map<Long, List<String>> missingServices(List<Long> memberIds) {
        Map<Long, List<String>> missing = new HashMap<>();
        for (List<Long> chunk : RollupReader.chunks(memberIds)) {
            ServicePresence.<ServicePresence>list("id.memberId in ?1 and present = false order by id.memberId, id.service",
                            chunk.stream().distinct().toList())
                    .forEach(p -> missing.computeIfAbsent(p.id.memberId(), k -> new ArrayList<>()).add(p.id.service()));
        }
        return missing;
    }

    /**
     * Per member, the compliance the rating reads: its latest conformance run (every required capability checked by
     * creating what it needs, issue 13) when it has one that checked something, else the compliance probe's latest
     * result per capability. NOT_APPLICABLE and NOT_CHECKED count as neither.
     */
    private Map<Long, WindowStatistics.ComplianceSummary> compliance(List<Long> memberIds) {
        Map<Long, WindowStatistics.ComplianceSummary> summaries = complianceProbe(memberIds);
        summaries.putAll(conformance(memberIds));
        return summaries;
    }

    /** Per member, its latest conformance run summarised, if it checked anything (evidence not loaded). */
    private Map<Long, WindowStatistics.ComplianceSummary> conformance(List<Long> memberIds) {
        Map<Long, WindowStatistics.ComplianceSummary> summaries = new HashMap<>();
        for (List<Long> chunk : RollupReader.chunks(memberIds)) {
            List<Object[]> runs = em.createQuery("select r.memberId, r.runId, r.guideline, r.finishedAt, r.passed, r.failed,"
                            + " r.notApplicable, r.notChecked from ConformanceRunRow r where r.memberId in :members"
                            + " and r.finishedAt = (select max(l.finishedAt) from ConformanceRunRow l where l.memberId = r.memberId)",
                    Object[].class).setParameter("members", chunk.stream().distinct().toList()).getResultList();
            for (Object[] run : runs) {
                long passed = ((Number) run[4]).longValue();
                long failed = ((Number) run[5]).longValue();
                if (passed + failed == 0) {
                    continue;
                }
                List<String> failedCapabilities = em.createQuery("select c.id.capability from ConformanceResultRow c"
                                + " where c.id.runId = :run and c.status = org.stackratings.measurement.conformance"
                                + ".ConformanceStatus.FAIL order by c.position", String.class)
                        .setParameter("run", run[1]).getResultList();
                summaries.put((Long) run[0], new WindowStatistics.ComplianceSummary((String) run[2], passed, failed,
                        ((Number) run[6]).longValue() + ((Number) run[7]).longValue(), (Instant) run[3],
                        failedCapabilities));
            }
        }
        return summaries;
    }

    /** Per member, the compliance probe's latest result per capability, summarised (evidence not loaded). */
    private Map<Long, WindowStatistics.ComplianceSummary> complianceProbe(List<Long> memberIds) {
        Map<Long, List<Object[]>> byMember = new TreeMap<>();
        for (List<Long> chunk : RollupReader.chunks(memberIds)) {
            em.createQuery("select r.id.memberId, r.id.capability, r.guideline, r.status, r.checkedAt from ComplianceResult r"
                            + " where r.id.memberId in :members order by r.id.memberId, r.id.capability", Object[].class)
                    .setParameter("members", chunk.stream().distinct().toList()).getResultList()
                    .forEach(r -> byMember.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(r));
        }
        Map<Long, WindowStatistics.ComplianceSummary> summaries = new HashMap<>();
        byMember.forEach((member, results) -> {
            long passed = results.stream().filter(r -> "PASS".equals(r[3])).count();
            List<String> failed = results.stream().filter(r -> "FAIL".equals(r[3])).map(r -> (String) r[1]).toList();
            long notChecked = results.size() - passed - failed.size();
            Instant checkedAt = results.stream().map(r -> (Instant) r[4]).max(Instant::compareTo).orElse(null);
            summaries.put(member, new WindowStatistics.ComplianceSummary((String) results.get(0)[2], passed, failed.size(),
                    notChecked, checkedAt, failed));
        });
        return summaries;
    }
}

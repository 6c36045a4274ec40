package org.stackratings.measurement;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads stored measurements and runs. */
@ApplicationScoped
@Transactional
public class MeasurementQuery {

    /** A filter over one member's measurements; null fields match everything. */
    public record Filter(long memberId, Instant from, Instant to, String probe, String operation) {
    }

    public List<Measurement> find(Filter filter, int offset, int limit) {
        return query(filter).range(offset, offset + limit - 1).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    public List<Measurement> ofRun(UUID runId) {
        return Measurement.list("runId", Sort.by("startedAt").and("id"), runId);
    }

    public ProbeRun run(UUID runId) {
        return ProbeRun.findById(runId);
    }

    public List<CapabilityRecord> compliance(long memberId) {
        return ComplianceResult.ofMember(memberId).stream().map(r -> new CapabilityRecord(r.id.capability(), r.guideline,
                r.status, r.evidence, r.runId, r.checkedAt)).toList();
    }

    public List<String> missingServices(long memberId) {
        return ServicePresence.missingFor(memberId).stream().map(p -> p.id.service()).toList();
    }

    private PanacheQuery<Measurement> query(Filter f) {
        StringBuilder where = new StringBuilder("memberId = :member and startedAt >= :from and startedAt < :to");
        Parameters params = Parameters.with("member", f.memberId()).and("from", f.from()).and("to", f.to());
        if (f.probe() != null) {
            where.append(" and probe = :probe");
            params.and("probe", f.probe());
        }
        if (f.operation() != null) {
            where.append(" and operation = :operation");
            params.and("operation", f.operation());
        }
        return Measurement.find(where.toString(), Sort.by("startedAt").and("id"), params);
    }
}

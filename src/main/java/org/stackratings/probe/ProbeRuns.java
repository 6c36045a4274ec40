package org.stackratings.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.stackratings.measurement.MeasurementQuery;
import org.stackratings.measurement.MeasurementView;
import org.stackratings.measurement.ProbeRun;
import org.stackratings.member.MemberService;

import java.util.Optional;
import java.util.UUID;

/** Reads probe runs back as views. */
@ApplicationScoped
@Transactional
public class ProbeRuns {

    private final MeasurementQuery query;
    private final MemberService members;

    public ProbeRuns(MeasurementQuery query, MemberService members) {
        this.query = query;
        this.members = members;
    }

    public Optional<ProbeRunView> find(String member, UUID runId) {
        Optional<Long> memberId = members.memberId(member);
        ProbeRun run = query.run(runId);
        if (memberId.isEmpty() || run == null || run.memberId != memberId.get()) {
            return Optional.empty();
        }
        return Optional.of(new ProbeRunView(run.id, member, run.probe, run.vantage, run.trigger, run.status,
                run.startedAt, run.finishedAt, run.summary,
                query.ofRun(runId).stream().map(m -> MeasurementView.of(member, m)).toList()));
    }

    /** The member's id when it is active (probes run only for active members). */
    java.util.Optional<Long> memberExists(String member) {
        return members.schedule(member).flatMap(s -> members.memberId(member));
    }

    ProbeRunView view(String member, UUID runId) {
        return find(member, runId).orElseThrow();
    }
}

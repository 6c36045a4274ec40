package org.stackratings.publish;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.stackratings.measurement.ComplianceEvidence;
import org.stackratings.measurement.conformance.CapabilityOutcome;
import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.measurement.conformance.ConformanceStatus;
import org.stackratings.measurement.conformance.ConformanceStore;
import org.stackratings.member.MemberService;
import org.stackratings.web.ProblemException;

/** A member's latest conformance run, as the public sees it and as the member does. */
@ApplicationScoped
public class ConformanceReports {

    private final MemberService members;
    private final ConformanceStore store;

    public ConformanceReports(MemberService members, ConformanceStore store) {
        this.members = members;
        this.store = store;
    }

    /** The public view: the agency's words and URL paths only. 404 for an unknown member. */
    public ConformanceView published(String member) {
        Optional<ConformanceOutcome> run = latest(member);
        return run.map(o -> new ConformanceView(member, o.guideline(), o.target(), o.runId(), o.finishedAt(),
                o.evidenceDigest(), summary(o), o.capabilities().stream().map(c -> new ConformanceView.CapabilityView(
                c.capability(), c.status().name(), c.reason(), ComplianceEvidence.parse(c.evidenceJson()).stream()
                .map(ComplianceView.CallView::of).toList())).toList()))
                .orElse(new ConformanceView(member, null, null, null, null, null, null, List.of()));
    }

    /** The member's own view with the whole evidence. 404 for an unknown member. */
    public MemberConformanceView full(String member) {
        Optional<ConformanceOutcome> run = latest(member);
        return run.map(o -> new MemberConformanceView(member, o.guideline(), o.target(), o.runId(), o.finishedAt(),
                o.evidenceDigest(), summary(o), o.capabilities().stream().map(c ->
                new MemberConformanceView.CapabilityEvidence(c.capability(), c.status().name(), c.reason(),
                        evidence(c))).toList()))
                .orElse(new MemberConformanceView(member, null, null, null, null, null, null, List.of()));
    }

    private Optional<ConformanceOutcome> latest(String member) {
        long memberId = members.memberId(member).orElseThrow(() -> ProblemException.notFound("member", member));
        return store.latest(memberId);
    }

    private static List<MemberComplianceView.EvidenceView> evidence(CapabilityOutcome c) {
        return ComplianceEvidence.parse(c.evidenceJson()).stream().map(MemberComplianceView.EvidenceView::of).toList();
    }

    private static ConformanceView.Summary summary(ConformanceOutcome o) {
        return new ConformanceView.Summary(o.capabilities().size(), o.count(ConformanceStatus.PASS),
                o.count(ConformanceStatus.FAIL), o.count(ConformanceStatus.NOT_APPLICABLE),
                o.count(ConformanceStatus.NOT_CHECKED));
    }
}

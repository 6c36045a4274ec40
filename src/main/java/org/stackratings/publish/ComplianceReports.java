package org.stackratings.publish;

import jakarta.enterprise.context.ApplicationScoped;
import org.stackratings.measurement.CapabilityRecord;
import org.stackratings.measurement.MeasurementQuery;
import org.stackratings.member.MemberService;
import org.stackratings.web.ProblemException;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A member's latest compliance results, as the public sees them and as the member does. */
@ApplicationScoped
public class ComplianceReports {

    static final String PLATFORM = "OpenStack Powered Compute";

    private final MemberService members;
    private final MeasurementQuery query;

    public ComplianceReports(MemberService members, MeasurementQuery query) {
        this.members = members;
        this.query = query;
    }

    /** The public view: no excerpt of the cloud's answers, URL paths only. 404 for an unknown member. */
    public ComplianceView published(String member) {
        List<CapabilityRecord> records = records(member);
        return new ComplianceView(member, guideline(records), PLATFORM, checkedAt(records), summary(records),
                records.stream().map(r -> new ComplianceView.CapabilityView(r.capability(), r.status(),
                        r.evidence().stream().map(ComplianceView.CallView::of).toList(), r.runId(), r.checkedAt())).toList());
    }

    /** The member's own view with the whole evidence. 404 for an unknown member. */
    public MemberComplianceView full(String member) {
        List<CapabilityRecord> records = records(member);
        return new MemberComplianceView(member, guideline(records), PLATFORM, checkedAt(records), summary(records),
                records.stream().map(r -> new MemberComplianceView.CapabilityEvidence(r.capability(), r.status(),
                        r.evidence().stream().map(MemberComplianceView.EvidenceView::of).toList(), r.runId(), r.checkedAt())).toList());
    }

    private List<CapabilityRecord> records(String member) {
        long memberId = members.memberId(member).orElseThrow(() -> ProblemException.notFound("member", member));
        return query.compliance(memberId);
    }

    private static String guideline(List<CapabilityRecord> records) {
        return records.isEmpty() ? null : records.get(0).guideline();
    }

    private static Instant checkedAt(List<CapabilityRecord> records) {
        return records.stream().map(CapabilityRecord::checkedAt).max(Comparator.naturalOrder()).orElse(null);
    }

    private static ComplianceView.Summary summary(List<CapabilityRecord> records) {
        return new ComplianceView.Summary(records.size(), count(records, "PASS"), count(records, "FAIL"),
                count(records, "NOT_CHECKED"));
    }

    private static long count(List<CapabilityRecord> records, String status) {
        return records.stream().filter(r -> status.equals(r.status())).count();
    }
}

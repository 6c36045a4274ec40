package org.stackratings.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.measurement.CapabilityRecord;
import org.stackratings.measurement.MeasurementQuery;
import org.stackratings.member.MemberService;
import org.stackratings.web.ProblemException;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Public: the latest compliance result per required capability. */
@Path("/api/v1/ratings/{member}/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings", description = "Current ratings of member clouds (public)")
public class ComplianceResource {

    static final String PLATFORM = "OpenStack Powered Compute";

    private final MemberService members;
    private final MeasurementQuery query;
    private final ObjectMapper json;

    public ComplianceResource(MemberService members, MeasurementQuery query, ObjectMapper json) {
        this.members = members;
        this.query = query;
        this.json = json;
    }

    @GET
    @Operation(summary = "Compliance with the interoperability guideline",
            description = "Latest PASS / FAIL / NOT_CHECKED per required capability of 'OpenStack Powered Compute', with evidence.")
    public ComplianceView get(@PathParam("member") String member) {
        long memberId = members.memberId(member).orElseThrow(() -> ProblemException.notFound("member", member));
        List<CapabilityRecord> records = query.compliance(memberId);
        List<ComplianceView.CapabilityView> capabilities = records.stream()
                .map(r -> new ComplianceView.CapabilityView(r.capability(), r.status(), evidence(r), r.runId(), r.checkedAt()))
                .toList();
        Instant checkedAt = records.stream().map(CapabilityRecord::checkedAt).max(Comparator.naturalOrder()).orElse(null);
        return new ComplianceView(member, records.isEmpty() ? null : records.get(0).guideline(), PLATFORM, checkedAt,
                new ComplianceView.Summary(records.size(), count(records, "PASS"), count(records, "FAIL"), count(records, "NOT_CHECKED")),
                capabilities);
    }

    private com.fasterxml.jackson.databind.JsonNode evidence(CapabilityRecord record) {
        try {
            return json.readTree(record.evidenceJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence of " + record.capability() + " is not JSON", e);
        }
    }

    private static long count(List<CapabilityRecord> records, String status) {
        return records.stream().filter(r -> status.equals(r.status())).count();
    }
}

package org.stackratings.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.measurement.CapabilityRecord;
import org.stackratings.measurement.MeasurementQuery;
import org.stackratings.member.MemberService;
import org.stackratings.web.Problem;
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
    @APIResponse(responseCode = "200", description = "The latest result per capability (checkedAt and guideline null before the first check)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplianceView.class),
                    examples = @ExampleObject(name = "cumulus, not compliant (capabilities shortened)", value = """
                            {"member": "cumulus", "guideline": "2020.06", "platform": "OpenStack Powered Compute",
                             "checkedAt": "2026-11-26T03:00:18.905466Z",
                             "summary": {"required": 60, "passed": 17, "failed": 2, "notChecked": 41},
                             "capabilities": [
                               {"capability": "compute-flavors-list", "status": "PASS", "evidence": [
                                  {"call": "GET compute /flavors", "url": "http://127.0.0.1:8780/cumulus/compute/v2.1/flavors",
                                   "status": 200, "expected": "HTTP 200", "problem": null, "durationMs": 562.697},
                                  {"call": "GET compute /flavors/detail", "url": "http://127.0.0.1:8780/cumulus/compute/v2.1/flavors/detail",
                                   "status": 200, "expected": "HTTP 200", "problem": null, "durationMs": 155.658}],
                                "runId": "01a215cb-cbca-71a4-bcb6-77555e97ed37", "checkedAt": "2026-11-26T03:00:08.002756Z"},
                               {"capability": "compute-images-create", "status": "NOT_CHECKED", "evidence": [],
                                "runId": "01a215cb-cbca-71a4-bcb6-77555e97ed37", "checkedAt": "2026-11-26T03:00:08.721872Z"},
                               {"capability": "compute-servers-list", "status": "FAIL", "evidence": [
                                  {"call": "GET compute /servers", "url": "http://127.0.0.1:8780/cumulus/compute/v2.1/servers",
                                   "status": 200, "expected": "HTTP 200", "problem": null, "durationMs": 489.487},
                                  {"call": "GET compute /servers?limit=-1", "url": "http://127.0.0.1:8780/cumulus/compute/v2.1/servers?limit=-1",
                                   "status": 200, "expected": "HTTP 400", "problem": "answered HTTP 200 {\\"servers\\":[]}", "durationMs": 176.752}],
                                "runId": "01a215cb-cbca-71a4-bcb6-77555e97ed37", "checkedAt": "2026-11-26T03:00:13.301674Z"}]}""")))
    @APIResponse(responseCode = "404", description = "No such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = """
                            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
                             "detail": "member 'nimbus' does not exist", "instance": "/api/v1/ratings/nimbus/compliance"}""")))
    public ComplianceView get(@Parameter(description = "The member's slug", example = "cumulus") @PathParam("member") String member) {
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

package org.stackratings.publish;

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
import org.stackratings.web.Problem;

/** Public: the latest compliance result per required capability, without what the cloud sent. */
@Path("/api/v1/ratings/{member}/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings", description = "Current ratings of member clouds (public)")
public class ComplianceResource {

    private final ComplianceReports reports;

    public ComplianceResource(ComplianceReports reports) {
        this.reports = reports;
    }

    @GET
    @Operation(summary = "Compliance with the interoperability guideline",
            description = "Latest PASS / FAIL / NOT_CHECKED per required capability of 'OpenStack Powered Compute', with the"
                    + " calls that show it: what was called (the URL's path only), the status, what was expected and what"
                    + " was wrong. What the cloud answered is shown to the member alone (GET /api/v1/members/{member}/compliance).")
    @APIResponse(responseCode = "200", description = "The latest result per capability (checkedAt and guideline null before the first check)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplianceView.class),
                    examples = @ExampleObject(name = "cumulus, not compliant (capabilities shortened)", value = Examples.PUBLIC_COMPLIANCE)))
    @APIResponse(responseCode = "404", description = "No such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = Examples.PUBLIC_COMPLIANCE_NOT_FOUND)))
    public ComplianceView get(@Parameter(description = "The member's slug", example = "cumulus") @PathParam("member") String member) {
        return reports.published(member);
    }
}

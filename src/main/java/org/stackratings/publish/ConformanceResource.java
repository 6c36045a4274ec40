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

/** Public: the latest conformance run, per required capability of the member's target, without what the cloud sent. */
@Path("/api/v1/ratings/{member}/conformance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings", description = "Current ratings of member clouds (public)")
public class ConformanceResource {

    private final ConformanceReports reports;

    public ConformanceResource(ConformanceReports reports) {
        this.reports = reports;
    }

    @GET
    @Operation(summary = "The latest conformance run",
            description = "Per required capability of the member's target (docs/compliance.md, \"The conformance run\"):"
                    + " PASS, FAIL, NOT_APPLICABLE or NOT_CHECKED, why, and the calls that show it (the URL's path only)."
                    + " What the cloud answered is shown to the member alone (GET /api/v1/members/{member}/conformance).")
    @APIResponse(responseCode = "200", description = "The latest run (fields null before the first run)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConformanceView.class),
                    examples = @ExampleObject(name = "cumulus, not conformant (capabilities shortened)", value = ConformanceExamples.PUBLIC_CONFORMANCE)))
    @APIResponse(responseCode = "404", description = "No such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = Examples.PUBLIC_COMPLIANCE_NOT_FOUND)))
    public ConformanceView get(@Parameter(description = "The member's slug", example = "cumulus") @PathParam("member") String member) {
        return reports.published(member);
    }
}

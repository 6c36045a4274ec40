package org.stackratings.publish;

import io.quarkus.security.PermissionsAllowed;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.security.MemberAccess;
import org.stackratings.web.Problem;

/** A member's latest conformance run in full: URLs and excerpts of the cloud's answers (provider key of the member, admin). */
@Path("/api/v1/members/{member}/conformance")
@Produces(MediaType.APPLICATION_JSON)
public class MemberConformanceResource {

    private final ConformanceReports reports;

    public MemberConformanceResource(ConformanceReports reports) {
        this.reports = reports;
    }

    @GET
    @PermissionsAllowed(MemberAccess.MEMBER_DATA)
    @SecurityRequirement(name = "apiKey")
    @Tag(name = "Measurements")
    @Operation(summary = "Conformance evidence in full",
            description = "The latest conformance run per required capability with every call as it was made: the full"
                    + " URL and, where the answer was wrong, a short sanitised excerpt of what the cloud sent (its token"
                    + " redacted). The public view is GET /api/v1/ratings/{member}/conformance.")
    @APIResponse(responseCode = "200", description = "The latest run (fields null before the first run)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberConformanceView.class),
                    examples = @ExampleObject(name = "cumulus, a failed capability", value = ConformanceExamples.MEMBER_CONFORMANCE)))
    @APIResponse(responseCode = "404", description = "No such member (for an admin key; a provider key of another member gets 403)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = Examples.MEMBER_COMPLIANCE_NOT_FOUND)))
    @APIResponse(responseCode = "401", description = "No key, or an unknown, expired or revoked one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither an admin key nor a provider key of this member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MemberConformanceView get(@Parameter(description = "The member's slug", example = "cumulus") @PathParam("member") String member) {
        return reports.full(member);
    }
}

package org.stackratings.gate;

import io.quarkus.runtime.Startup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.security.Roles;
import org.stackratings.web.Problem;
import org.stackratings.web.ProblemException;

/** Exchanges: may this member be listed? ALLOW or DENY with reasons, and a signed statement of the rating. */
@Path("/api/v1/gate")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EXCHANGE, Roles.ADMIN})
@Tag(name = "Gate", description = "Listing decisions for exchanges (exchange or admin key)")
@SecurityRequirement(name = "apiKey")
@Startup // reads the default criteria at start, so a bad default stops the application there
public class GateResource {

    private final GateService gate;
    private final GateCriteria defaults;

    public GateResource(GateService gate, GateConfig config) {
        this.gate = gate;
        this.defaults = GateCriteria.defaults(config);
    }

    @GET
    @Path("{member}")
    @Operation(summary = "Gate decision for a member",
            description = "ALLOW when the published rating is at least minRating, not on watch for a downgrade, and"
                    + " confirmed by the rating engine within maxAge; otherwise DENY with every reason that applies"
                    + " (BELOW_THRESHOLD, WATCH_DOWNGRADE, NOT_RATED, WITHDRAWN, STALE, and NOT_CERTIFIED when"
                    + " requireCertified names a guideline the member holds no valid certificate for). statement is a compact JWS"
                    + " (ES256) of the rating, verifiable with /.well-known/jwks.json; null when the member is not rated.")
    @APIResponse(responseCode = "200", description = "The decision", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GateDecision.class), examples = {
            @ExampleObject(name = "ALLOW", value = """
                    {"member": "aurora", "decision": "ALLOW", "reasons": [],
                     "criteria": {"minRating": "Baa3", "maxAge": "PT24H", "requireCertified": null},
                     "rating": {"rating": "Aa1", "assured": true, "outlook": "STABLE", "watch": null,
                                "methodologyVersion": "2026.1", "effectiveSince": "2026-11-20T08:00:00Z",
                                "ratedAt": "2026-11-25T09:59:30Z", "age": "PT30S"},
                     "statement": {"jws": "eyJraWQiOi…", "kid": "y7NZviBM_xp_1_YfNtte6n026I31G7fHfgQytprNgQc", "issuedAt": "2026-11-25T10:00:00Z",
                                   "expiresAt": "2026-11-25T11:00:00Z"},
                     "evaluatedAt": "2026-11-25T10:00:00.123Z"}"""),
            @ExampleObject(name = "DENY", value = """
                    {"member": "dustbowl", "decision": "DENY",
                     "reasons": [{"code": "BELOW_THRESHOLD", "detail": "rated Caa3, below the minimum Baa3"},
                                 {"code": "WATCH_DOWNGRADE", "detail": "on watch for a downgrade"},
                                 {"code": "NOT_CERTIFIED", "detail": "holds no valid certificate for interop guideline 2020.06 (checked by StackRatings)"}],
                     "criteria": {"minRating": "Baa3", "maxAge": "PT24H", "requireCertified": "2020.06"},
                     "rating": {"rating": "Caa3", "assured": false, "outlook": "NEGATIVE", "watch": "REVIEW_DOWNGRADE",
                                "methodologyVersion": "2026.1", "effectiveSince": "2026-11-24T08:00:00Z",
                                "ratedAt": "2026-11-25T09:59:30Z", "age": "PT30S"},
                     "statement": {"jws": "eyJraWQiOi…", "kid": "y7NZviBM_xp_1_YfNtte6n026I31G7fHfgQytprNgQc", "issuedAt": "2026-11-25T10:00:00Z",
                                   "expiresAt": "2026-11-25T11:00:00Z"},
                     "evaluatedAt": "2026-11-25T10:00:00.123Z"}""")}))
    @APIResponse(responseCode = "400", description = "Unknown rating name, bad maxAge or bad requireCertified",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "bad requireCertified", value = """
                                    {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                                     "detail": "requireCertified must be an interoperability guideline id such as 2020.06 (year.month), got 'yes'",
                                     "instance": "/api/v1/gate/aurora"}"""),
                            @ExampleObject(name = "bad maxAge", value = """
                                    {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                                     "detail": "maxAge must be an ISO-8601 duration such as PT6H or P1D, got '1 day'",
                                     "instance": "/api/v1/gate/aurora"}"""),
                            @ExampleObject(name = "unknown rating", value = """
                                    {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                                     "detail": "minRating must be a rating from Aaa to C (Aaa, Aa1, Aa2, Aa3, A1, A2, A3, Baa1, Baa2, Baa3, Ba1, Ba2, Ba3, B1, B2, B3, Caa1, Caa2, Caa3, Ca, C; any case), got 'AAA1'",
                                     "instance": "/api/v1/gate/aurora"}""")}))
    @APIResponse(responseCode = "401", description = "No API key, or an unknown one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The key is neither an exchange nor an admin key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = """
                            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
                             "detail": "member 'nimbus' does not exist", "instance": "/api/v1/gate/nimbus"}""")))
    public GateDecision decide(
            @Parameter(description = "The member's slug", example = "aurora") @PathParam("member") String member,
            @Parameter(description = "Lowest rating that passes, Aaa … C, any case (default stackratings.gate.default-min-rating, Baa3)",
                    example = "Baa3") @QueryParam("minRating") String minRating,
            @Parameter(description = "Longest time since the rating engine last confirmed the rating, ISO-8601"
                    + " (default stackratings.gate.default-max-age, P1D)", example = "PT6H") @QueryParam("maxAge") String maxAge,
            @Parameter(description = "Also require a valid certificate for this interop guideline (CERTIFIED, or AT_RISK"
                    + " before it lapses); none when not given", example = "2020.06")
            @QueryParam("requireCertified") String requireCertified) {
        GateCriteria criteria = GateCriteria.parse(minRating, maxAge, requireCertified, defaults);
        return gate.evaluate(member, criteria).orElseThrow(() -> ProblemException.notFound("member", member));
    }
}

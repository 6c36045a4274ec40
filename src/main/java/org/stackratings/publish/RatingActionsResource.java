package org.stackratings.publish;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.member.MemberService;
import org.stackratings.rating.ActionView;
import org.stackratings.rating.RatingService;
import org.stackratings.web.PageRequest;
import org.stackratings.web.PageView;
import org.stackratings.web.Problem;
import org.stackratings.web.ProblemException;

import java.util.List;

/** Public: a member's rating actions. */
@Path("/api/v1/ratings/{member}/actions")
@Produces(MediaType.APPLICATION_JSON)
public class RatingActionsResource {

    private final RatingService ratings;
    private final MemberService members;

    public RatingActionsResource(RatingService ratings, MemberService members) {
        this.ratings = ratings;
        this.members = members;
    }

    @GET
    @Tag(name = "Ratings")
    @Operation(summary = "Rating actions, newest first", description = "Append-only: ASSIGNED, UPGRADE, DOWNGRADE, AFFIRMED, WATCH_ON, WATCH_OFF, WITHDRAWN, each with its reason, rationale and methodology version.")
    @APIResponse(responseCode = "200", description = "A page of actions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = ActionView.class)),
                    examples = @ExampleObject(name = "aurora after its outage (lists shortened)", value = """
                            {"items": [
                              {"id": 42, "member": "aurora", "action": "DOWNGRADE", "rating": "B1", "previousRating": "Aaa",
                               "indicatedRating": "B1", "outlook": "POSITIVE", "watch": null, "score": 63.83,
                               "reason": "indicated B1 for PT24H without interruption", "methodologyVersion": "2026.1-draft+dev",
                               "effectiveAt": "2026-10-08T16:00:00Z",
                               "rationale": {"indicated": "B1", "scorecardNotch": "Baa1", "score": 63.83,
                                 "factors": [{"name": "availability", "weight": 40.0, "score": 19.33, "subFactors": [
                                   {"name": "apiAvailability", "value": 97.9167, "unit": "%", "category": "Caa", "score": 19.33, "weight": 1.0},
                                   {"name": "availability.identity", "value": 91.67, "unit": "%", "category": "Ca", "score": 1.32, "weight": 25.0}]}],
                                 "caps": [{"code": "AVAILABILITY_BELOW_THRESHOLD", "cap": "B1", "text": "API availability 97.917 % is below 99.0 %"}],
                                 "coverage": {"share": 1.0, "measuredRuns": 5760, "expectedRuns": 5760, "history": "PT997H"},
                                 "notRatedReason": null, "methodologyVersion": "2026.1-draft+dev"}}],
                             "page": 8, "size": 1, "total": 16,
                             "links": {"self": "/api/v1/ratings/aurora/actions?page=8&size=1",
                                       "next": "/api/v1/ratings/aurora/actions?page=9&size=1",
                                       "prev": "/api/v1/ratings/aurora/actions?page=7&size=1"}}""")))
    @APIResponse(responseCode = "400", description = "page below 0, or size outside 1–500",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad page", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "page must be 0 or more, got -1", "instance": "/api/v1/ratings/aurora/actions"}""")))
    @APIResponse(responseCode = "404", description = "No such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = """
                            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
                             "detail": "member 'nimbus' does not exist", "instance": "/api/v1/ratings/nimbus/actions"}""")))
    public PageView<ActionView> actions(@Parameter(description = "The member's slug", example = "aurora") @PathParam("member") String member,
                                        @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") Integer page,
                                        @Parameter(description = "Page size, 1–500 (default 50)", example = "50") @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        long memberId = members.memberId(member).orElseThrow(() -> ProblemException.notFound("member", member));
        List<ActionView> items = ratings.actions(member, paging.offset(), paging.size()).orElseThrow();
        return PageView.of(items, paging, ratings.countActions(memberId), "/api/v1/ratings/" + member + "/actions");
    }
}

package org.stackratings.publish;

import io.quarkus.security.PermissionsAllowed;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.rating.RatingService;
import org.stackratings.rating.ScorePointView;
import org.stackratings.security.MemberAccess;
import org.stackratings.web.Problem;
import org.stackratings.web.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A member's score history (provider key of the member, admin). */
@Path("/api/v1/members/{member}/scores")
@Produces(MediaType.APPLICATION_JSON)
public class ScoresResource {

    private final RatingService ratings;
    private final Clock clock;

    public ScoresResource(RatingService ratings, Clock clock) {
        this.ratings = ratings;
        this.clock = clock;
    }

    @GET
    @APIResponse(responseCode = "200", description = "Score points, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ScorePointView.class),
                    examples = @ExampleObject(name = "step=P1D", value = """
                            [{"from": "2026-11-20T00:00:00Z", "score": 99.68, "rating": "Aaa", "indicatedRating": "Aaa",
                              "factors": "availability=100.0,latency=98.65,lifecycle=99.59,compliance=100.0", "methodologyVersion": "2026.1-draft+dev"},
                             {"from": "2026-11-21T00:00:00Z", "score": 99.69, "rating": "Aaa", "indicatedRating": "Aaa",
                              "factors": "availability=100.0,latency=98.66,lifecycle=99.59,compliance=100.0", "methodologyVersion": "2026.1-draft+dev"},
                             {"from": "2026-11-22T00:00:00Z", "score": 99.69, "rating": "Aaa", "indicatedRating": "Aaa",
                              "factors": "availability=100.0,latency=98.66,lifecycle=99.59,compliance=100.0", "methodologyVersion": "2026.1-draft+dev"}]""")))
    @APIResponse(responseCode = "400", description = "step is not an ISO-8601 duration or shorter than PT1H, or from/to are not"
            + " ISO-8601 instants in order, at most 400 days apart",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "step too short", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "step must be at least PT1H (scores are kept per hour), got PT15M",
                             "instance": "/api/v1/members/aurora/scores"}"""),
                    @ExampleObject(name = "not a duration", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "step must be an ISO-8601 duration such as PT1H or P1D, got 'daily'",
                             "instance": "/api/v1/members/aurora/scores"}""")}))
    @APIResponse(responseCode = "404", description = "No such member (for an admin key; a provider key of another member gets 403)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = """
                            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
                             "detail": "member 'nimbus' does not exist", "instance": "/api/v1/members/nimbus/scores"}""")))
    @APIResponse(responseCode = "401", description = "No key, or an unknown, expired or revoked one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither an admin key nor a provider key of this member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PermissionsAllowed(MemberAccess.MEMBER_DATA)
    @SecurityRequirement(name = "apiKey")
    @Tag(name = "Measurements")
    @Operation(summary = "Score history", description = "Mean score per step (ISO-8601, default PT1H, at least PT1H) with the rating and indicated notch; from/to default to the last 30 days.")
    public List<ScorePointView> scores(
            @Parameter(description = "The member's slug", example = "aurora") @PathParam("member") String member,
            @Parameter(description = "Start, an ISO-8601 instant (without from and to: the last 30 days; with to alone: a day before to)",
                    example = "2026-11-20T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "End, an ISO-8601 instant (default: now)", example = "2026-11-23T00:00:00Z") @QueryParam("to") String to,
            @Parameter(description = "ISO-8601 duration, at least PT1H (default PT1H)", example = "P1D") @QueryParam("step") String step) {
        TimeRange range = from == null && to == null
                ? new TimeRange(clock.instant().minus(Duration.ofDays(30)), clock.instant()) : TimeRange.parse(from, to, clock);
        Duration stepDuration;
        try {
            stepDuration = step == null ? Duration.ofHours(1) : Duration.parse(step);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("step must be an ISO-8601 duration such as PT1H or P1D, got '" + step + "'");
        }
        if (stepDuration.compareTo(Duration.ofHours(1)) < 0) {
            throw ProblemException.badRequest("step must be at least PT1H (scores are kept per hour), got " + step);
        }
        return ratings.scores(member, range.from(), range.to(), stepDuration)
                .orElseThrow(() -> ProblemException.notFound("member", member));
    }
}

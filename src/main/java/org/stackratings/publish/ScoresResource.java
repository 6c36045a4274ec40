package org.stackratings.publish;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @APIResponse(responseCode = "200", description = "Score points, oldest first")
    @APIResponse(responseCode = "401", description = "No key, or an unknown, expired or revoked one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither an admin key nor a provider key of this member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @PermissionsAllowed(MemberAccess.MEMBER_DATA)
    @SecurityRequirement(name = "apiKey")
    @Tag(name = "Measurements")
    @Operation(summary = "Score history", description = "Mean score per step (ISO-8601, default PT1H, at least PT1H) with the rating and indicated notch; from/to default to the last 30 days.")
    public List<ScorePointView> scores(@PathParam("member") String member, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("step") String step) {
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

package org.stackratings.publish;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.rating.RatingStatistics;
import org.stackratings.web.Problem;

import java.time.Clock;
import java.time.Duration;

/** Public: the agency's own rating-performance statistics. */
@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "How the agency's ratings performed (public)")
public class StatisticsResource {

    private final RatingStatistics statistics;
    private final Clock clock;

    public StatisticsResource(RatingStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GET
    @Path("transitions")
    @Operation(summary = "Rating transition matrix", description = "Members by letter category at 'from' (rows) and at 'to' (columns), with NR and WR columns; default: the last 30 days.")
    @APIResponse(responseCode = "200", description = "The transition matrix",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RatingStatistics.TransitionMatrix.class),
                    examples = @ExampleObject(name = "dev mode, 89 days", value = """
                            {"from": "2026-08-29T00:00:00Z", "to": "2026-11-26T00:00:00Z",
                             "categories": ["Aaa", "Aa", "A", "Baa", "Ba", "B", "Caa-C", "NR", "WR"],
                             "counts": {
                               "Aaa": {"Aaa": 1, "Aa": 0, "A": 0, "Baa": 0, "Ba": 0, "B": 0, "Caa-C": 0, "NR": 0, "WR": 0},
                               "Aa": {"Aaa": 0, "Aa": 0, "A": 1, "Baa": 0, "Ba": 0, "B": 0, "Caa-C": 0, "NR": 0, "WR": 0},
                               "A": {"Aaa": 0, "Aa": 0, "A": 0, "Baa": 0, "Ba": 0, "B": 0, "Caa-C": 0, "NR": 0, "WR": 0},
                               "Baa": {"Aaa": 0, "Aa": 0, "A": 0, "Baa": 0, "Ba": 0, "B": 0, "Caa-C": 0, "NR": 0, "WR": 0},
                               "Ba": {"Aaa": 0, "Aa": 0, "A": 0, "Baa": 0, "Ba": 0, "B": 0, "Caa-C": 0, "NR": 0, "WR": 0},
                               "B": {"Aaa": 0, "Aa": 0, "A": 0, "Baa": 0, "Ba": 0, "B": 1, "Caa-C": 0, "NR": 0, "WR": 0},
                               "Caa-C": {"Aaa": 0, "Aa": 0, "A": 0, "Baa": 0, "Ba": 0, "B": 0, "Caa-C": 1, "NR": 0, "WR": 0},
                               "NR": {"Aaa": 0, "Aa": 0, "A": 0, "Baa": 0, "Ba": 0, "B": 0, "Caa-C": 0, "NR": 0, "WR": 0},
                               "WR": {"Aaa": 0, "Aa": 0, "A": 0, "Baa": 0, "Ba": 0, "B": 0, "Caa-C": 0, "NR": 0, "WR": 0}},
                             "members": 4, "methodologyVersions": ["2026.1-draft+dev"]}""")))
    @APIResponse(responseCode = "400", description = "from or to is not an ISO-8601 instant, from is not before to, or the range exceeds 400 days",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not an instant", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "from must be an ISO-8601 instant such as 2026-11-25T10:00:00Z, got '2026-11-01'",
                             "instance": "/api/v1/statistics/transitions"}""")))
    public RatingStatistics.TransitionMatrix transitions(
            @Parameter(description = "Start, an ISO-8601 instant (without from and to: the last 30 days; with to alone: a day before to)", example = "2026-08-29T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "End, an ISO-8601 instant (default: now)", example = "2026-11-26T00:00:00Z") @QueryParam("to") String to) {
        TimeRange range = range(from, to);
        return statistics.transitions(range.from(), range.to());
    }

    @GET
    @Path("performance")
    @Operation(summary = "Performance by rating band", description = "For each letter category at 'from', the members' API availability until 'to' and how many fell below the availability cap (impaired).")
    @APIResponse(responseCode = "200", description = "Performance by letter category at from",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RatingStatistics.Performance.class),
                    examples = @ExampleObject(name = "dev mode, 89 days", value = """
                            {"from": "2026-08-29T00:00:00Z", "to": "2026-11-26T00:00:00Z", "impairmentThreshold": 99.0,
                             "bands": [
                               {"band": "Aaa", "members": 1, "meanApiAvailability": 99.972, "impaired": 0, "impairedShare": 0.0},
                               {"band": "Aa", "members": 1, "meanApiAvailability": 99.787, "impaired": 0, "impairedShare": 0.0},
                               {"band": "A", "members": 0, "meanApiAvailability": null, "impaired": 0, "impairedShare": null},
                               {"band": "Baa", "members": 0, "meanApiAvailability": null, "impaired": 0, "impairedShare": null},
                               {"band": "Ba", "members": 0, "meanApiAvailability": null, "impaired": 0, "impairedShare": null},
                               {"band": "B", "members": 1, "meanApiAvailability": 97.325, "impaired": 1, "impairedShare": 100.0},
                               {"band": "Caa-C", "members": 1, "meanApiAvailability": 85.359, "impaired": 1, "impairedShare": 100.0}],
                             "methodologyVersions": ["2026.1-draft+dev"], "methodologyVersion": "2026.1-draft+dev"}""")))
    @APIResponse(responseCode = "400", description = "from or to is not an ISO-8601 instant, from is not before to, or the range exceeds 400 days",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "from after to", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "from (2026-11-26T00:00:00Z) must be before to (2026-11-01T00:00:00Z)",
                             "instance": "/api/v1/statistics/performance"}""")))
    public RatingStatistics.Performance performance(
            @Parameter(description = "Start, an ISO-8601 instant (without from and to: the last 30 days; with to alone: a day before to)", example = "2026-08-29T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "End, an ISO-8601 instant (default: now)", example = "2026-11-26T00:00:00Z") @QueryParam("to") String to) {
        TimeRange range = range(from, to);
        return statistics.performance(range.from(), range.to());
    }

    private TimeRange range(String from, String to) {
        return from == null && to == null
                ? new TimeRange(clock.instant().minus(Duration.ofDays(30)), clock.instant())
                : TimeRange.parse(from, to, clock);
    }
}

package org.stackratings.publish;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.rating.RatingStatistics;

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
    public RatingStatistics.TransitionMatrix transitions(@QueryParam("from") String from, @QueryParam("to") String to) {
        TimeRange range = range(from, to);
        return statistics.transitions(range.from(), range.to());
    }

    @GET
    @Path("performance")
    @Operation(summary = "Performance by rating band", description = "For each letter category at 'from', the members' API availability until 'to' and how many fell below the availability cap (impaired).")
    public RatingStatistics.Performance performance(@QueryParam("from") String from, @QueryParam("to") String to) {
        TimeRange range = range(from, to);
        return statistics.performance(range.from(), range.to());
    }

    private TimeRange range(String from, String to) {
        return from == null && to == null
                ? new TimeRange(clock.instant().minus(Duration.ofDays(30)), clock.instant())
                : TimeRange.parse(from, to, clock);
    }
}

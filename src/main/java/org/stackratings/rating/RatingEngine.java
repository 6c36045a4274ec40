package org.stackratings.rating;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.stackratings.measurement.WindowStatistics;
import org.stackratings.measurement.WindowStatisticsQuery;
import org.stackratings.member.MemberService;
import org.stackratings.member.MemberStatusView;

import java.time.Clock;
import java.time.Instant;

/** Re-rates every member from its measurements, on a schedule (once per cluster) and on demand. */
@ApplicationScoped
public class RatingEngine {

    private static final Logger LOG = Logger.getLogger(RatingEngine.class);

    private final MemberService members;
    private final WindowStatisticsQuery statistics;
    private final Scorecard scorecard;
    private final ObjectMapper json;
    private final Clock clock;

    public RatingEngine(MemberService members, WindowStatisticsQuery statistics, Scorecard scorecard,
                        ObjectMapper json, Clock clock, RatingConfig config) {
        this.members = members;
        this.statistics = statistics;
        this.scorecard = scorecard;
        this.json = json;
        this.clock = clock;
        LOG.infof("Rating engine: methodology %s, window %s, re-rating every %s", scorecard.version(),
                scorecard.window(), config.interval());
    }

    @Scheduled(identity = "rating-engine", every = "{stackratings.rating.interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rateAll();
    }

    /** Re-rates every member, each in its own transaction; returns how many were rated. */
    public int rateAll() {
        Instant now = clock.instant();
        int rated = 0;
        for (MemberStatusView member : members.allStatuses()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> rate(member, now));
                rated++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not rate member %s", member.slug());
            }
        }
        return rated;
    }

    private void rate(MemberStatusView member, Instant now) {
        Instant from = now.minus(scorecard.window());
        ScorecardResult result;
        if (member.withdrawn()) {
            result = new ScorecardResult(Notch.WR, Notch.WR, null, java.util.List.of(), java.util.List.of(),
                    new Coverage(0, 0, 0, java.time.Duration.ZERO), "member withdrawn on " + member.withdrawnAt(),
                    scorecard.version());
        } else {
            WindowStatistics stats = statistics.forWindow(member.id(), from, now);
            result = scorecard.rate(stats, member.apiInterval());
        }
        Rating rating = Rating.findById(member.id());
        if (rating == null) {
            rating = new Rating();
            rating.memberId = member.id();
        }
        String notch = result.indicated().symbol();
        if (rating.notch == null || !rating.notch.equals(notch)) {
            rating.effectiveSince = now;
        }
        rating.notch = notch;
        rating.indicatedNotch = result.indicated().symbol();
        rating.score = result.score();
        rating.rationale = toJson(result);
        rating.methodologyVersion = result.methodologyVersion();
        rating.windowStart = from;
        rating.windowEnd = now;
        rating.coverage = result.coverage().share();
        rating.computedAt = now;
        rating.persist();
    }

    private String toJson(ScorecardResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a scorecard result", e);
        }
    }
}

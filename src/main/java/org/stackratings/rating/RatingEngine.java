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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Re-rates every member on a schedule (once per cluster) and on demand: scorecard → stability rules → outlook, then
 * the published rating, its append-only actions and the hourly score history.
 */
@ApplicationScoped
public class RatingEngine {

    private static final Logger LOG = Logger.getLogger(RatingEngine.class);

    private final MemberService members;
    private final WindowStatisticsQuery statistics;
    private final Scorecard scorecard;
    private final StabilityRules stability;
    private final OutlookRule outlookRule;
    private final ObjectMapper json;
    private final Clock clock;
    private final java.util.concurrent.ExecutorService pool;
    private final LiveRatingHold hold;

    public RatingEngine(MemberService members, WindowStatisticsQuery statistics, Scorecard scorecard,
                        MethodologyConfig methodology, ObjectMapper json, Clock clock, RatingConfig config,
                        LiveRatingHold hold) {
        this.hold = hold;
        this.members = members;
        this.statistics = statistics;
        this.scorecard = scorecard;
        this.stability = new StabilityRules(new StabilityRules.Settings(methodology.stability().hold(),
                methodology.stability().sharpNotches(), methodology.stability().affirmAfter()));
        this.outlookRule = new OutlookRule(methodology.outlook().bucket(), methodology.outlook().horizon(),
                methodology.outlook().minimumBuckets());
        this.json = json;
        this.clock = clock;
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        this.pool = java.util.concurrent.Executors.newFixedThreadPool(config.threads(), runnable -> {
            Thread thread = new Thread(runnable, "rating-engine-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        LOG.infof("Rating engine: methodology %s, window %s, hold %s, re-rating every %s", scorecard.version(),
                scorecard.window(), methodology.stability().hold(), config.interval());
    }

    @Scheduled(identity = "rating-engine", every = "{stackratings.rating.interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        String held = hold.reason();
        if (held != null) {
            LOG.debugf("Scheduled rating skipped: %s", held);
            return;
        }
        rateAll();
    }

    /** Re-rates every member, each in its own transaction; returns how many were rated. */
    public int rateAll() {
        return rateAll(clock.instant());
    }

    /**
     * Re-rates every member as of {@code now}, {@code stackratings.rating.threads} at a time, each in its own
     * transaction; returns how many were rated. A member that fails is logged and keeps its rating.
     */
    public int rateAll(Instant now) {
        List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        for (MemberStatusView member : members.allStatuses()) {
            results.add(pool.submit(() -> {
                try {
                    QuarkusTransaction.requiringNew().run(() -> rate(member, now));
                    return true;
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not rate member %s", member.slug());
                    return false;
                }
            }));
        }
        int rated = 0;
        for (java.util.concurrent.Future<Boolean> result : results) {
            try {
                rated += result.get() ? 1 : 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("re-rating interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("re-rating failed", e.getCause());
            }
        }
        return rated;
    }

    void stop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        pool.shutdownNow();
    }

    private void rate(MemberStatusView member, Instant now) {
        Instant from = now.minus(scorecard.window());
        ScorecardResult result = member.withdrawn()
                ? new ScorecardResult(Notch.WR, Notch.WR, null, List.of(), List.of(), new Coverage(0, 0, 0, Duration.ZERO),
                "member withdrawn on " + member.withdrawnAt(), scorecard.version())
                : scorecard.rate(statistics.forWindow(member.id(), from, now), member.apiInterval());
        Rating rating = Rating.findById(member.id());
        boolean created = rating == null;
        if (created) {
            rating = new Rating();
            rating.memberId = member.id();
        }
        PublishedRating current = created ? PublishedRating.NONE : published(rating);
        boolean capped = result.caps().stream().anyMatch(c -> c.code().equals("AVAILABILITY_BELOW_THRESHOLD"));
        StabilityRules.Decision decision = stability.decide(current, result.indicated(), capped, member.withdrawn(), now);
        PublishedRating next = decision.state();

        recordScore(member.id(), now, result, next.notch());
        Outlook outlook = outlookRule.outlook(history(member.id(), from), next.notch(), scorecard::notchFor);

        if (created || !next.notch().symbol().equals(rating.notch)) {
            rating.effectiveSince = now;
        }
        String rationale = toJson(result);
        rating.notch = next.notch().symbol();
        rating.indicatedNotch = result.indicated().symbol();
        rating.score = result.score();
        rating.rationale = rationale;
        rating.methodologyVersion = result.methodologyVersion();
        rating.windowStart = from;
        rating.windowEnd = now;
        rating.coverage = result.coverage().share();
        rating.computedAt = now;
        rating.outlook = outlook.name();
        rating.watch = next.watch() == null ? null : next.watch().name();
        rating.pendingNotch = next.pending() == null ? null : next.pending().symbol();
        rating.pendingSince = next.pendingSince();
        rating.lastActionAt = next.lastActionAt();
        if (created) {
            rating.persist();
        }
        for (PlannedAction planned : decision.actions()) {
            RatingAction action = new RatingAction();
            action.memberId = member.id();
            action.action = planned.type().name();
            action.notch = planned.notch().symbol();
            action.previousNotch = planned.previous() == null ? null : planned.previous().symbol();
            action.indicatedNotch = result.indicated().symbol();
            action.outlook = outlook.name();
            action.watch = planned.watch() == null ? null : planned.watch().name();
            action.score = result.score();
            action.reason = planned.reason();
            action.rationale = rationale;
            action.methodologyVersion = result.methodologyVersion();
            action.effectiveAt = now;
            action.persist();
        }
    }

    private void recordScore(long memberId, Instant now, ScorecardResult result, Notch published) {
        RatingScore.Key key = new RatingScore.Key(memberId, now.truncatedTo(ChronoUnit.HOURS));
        RatingScore existing = RatingScore.findById(key);
        RatingScore score = existing == null ? new RatingScore() : existing;
        score.id = key;
        score.score = result.score();
        score.notch = published.symbol();
        score.indicatedNotch = result.indicated().symbol();
        score.factors = result.factors().stream().map(f -> f.name() + "=" + f.score()).collect(Collectors.joining(","));
        score.methodologyVersion = result.methodologyVersion();
        if (existing == null) {
            score.persist();
        }
    }

    private static List<OutlookRule.ScorePoint> history(long memberId, Instant from) {
        return RatingScore.<RatingScore>list("id.memberId = ?1 and id.hour >= ?2 and score is not null order by id.hour",
                        memberId, from).stream()
                .map(s -> new OutlookRule.ScorePoint(s.id.hour(), s.score)).toList();
    }

    private static PublishedRating published(Rating r) {
        return new PublishedRating(Notch.fromSymbol(r.notch).orElse(Notch.NR),
                r.watch == null ? null : Watch.valueOf(r.watch),
                r.pendingNotch == null ? null : Notch.fromSymbol(r.pendingNotch).orElse(null),
                r.pendingSince, r.lastActionAt);
    }

    private String toJson(ScorecardResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a scorecard result", e);
        }
    }
}

package org.stackratings.rating;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
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
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Re-rates every member on a schedule (once per cluster) and on demand: scorecard → stability rules → outlook, then
 * the published rating, its append-only actions and the hourly score history. Members are rated in groups
 * ({@link WindowStatisticsQuery#forWindows}, {@link RatingRows}), so re-rating costs a few statements per group rather
 * than a dozen per member.
 */
@ApplicationScoped
public class RatingEngine {

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<RatingsChanged> changes;

    private static final Logger LOG = Logger.getLogger(RatingEngine.class);
    /** Members rated in one transaction: their statistics read with a few statements, their rows written in batches. */
    private static final int MEMBERS_PER_TRANSACTION = 64;

    private final MemberService members;
    private final WindowStatisticsQuery statistics;
    private final Scorecard scorecard;
    private final StabilityRules stability;
    private final OutlookRule outlookRule;
    private final ObjectMapper json;
    private final Clock clock;
    private final java.util.concurrent.ExecutorService pool;
    private final EntityManager em;
    private final LiveRatingHold hold;

    public RatingEngine(MemberService members, WindowStatisticsQuery statistics, Scorecard scorecard,
                        MethodologyConfig methodology, ObjectMapper json, Clock clock, RatingConfig config,
                        EntityManager em, LiveRatingHold hold, org.stackratings.agency.AgencyThreads threads) {
        this.hold = hold;
        this.members = members;
        this.em = em;
        this.statistics = statistics;
        this.scorecard = scorecard;
        this.stability = new StabilityRules(new StabilityRules.Settings(methodology.stability().hold(),
                methodology.stability().sharpNotches(), methodology.stability().affirmAfter()));
        this.outlookRule = new OutlookRule(methodology.outlook().bucket(), methodology.outlook().horizon(),
                methodology.outlook().minimumBuckets());
        this.json = json;
        this.clock = clock;
        this.pool = threads.fixed("rating-engine", config.threads());
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

    /** Re-rates every member; returns how many were rated. */
    public int rateAll() {
        return rateAll(clock.instant());
    }

    /**
     * Re-rates every member as of {@code now}, {@value #MEMBERS_PER_TRANSACTION} members per transaction (their
     * statistics read and their rows written together), {@code stackratings.rating.threads} transactions at a time;
     * returns how many were rated. A member that fails is logged and keeps its rating.
     */
    public int rateAll(Instant now) {
        List<MemberStatusView> all = members.allStatuses();
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += MEMBERS_PER_TRANSACTION) {
            List<MemberStatusView> chunk = all.subList(i, Math.min(all.size(), i + MEMBERS_PER_TRANSACTION));
            results.add(pool.submit(() -> rateTogether(chunk, now)));
        }
        int rated = 0;
        for (java.util.concurrent.Future<Integer> result : results) {
            try {
                rated += result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("re-rating interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("re-rating failed", e.getCause());
            }
        }
        changes.fire(new RatingsChanged(now, rated));
        return rated;
    }

    /**
     * Rates the members in one transaction; if it fails (a row written by someone else meanwhile, say), each member
     * again in a transaction of its own, so that one member's failure costs no other its rating.
     */
    private int rateTogether(List<MemberStatusView> chunk, Instant now) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> rate(chunk, now));
        } catch (RuntimeException e) {
            if (chunk.size() == 1) {
                LOG.errorf(e, "Could not rate member %s", chunk.get(0).slug());
                return 0;
            }
            LOG.warnf("Rating %d members together failed (%s); rating them one at a time", chunk.size(), e);
            int rated = 0;
            for (MemberStatusView member : chunk) {
                rated += rateTogether(List.of(member), now);
            }
            return rated;
        }
    }

    private int rate(List<MemberStatusView> chunk, Instant now) {
        Instant from = now.minus(scorecard.window());
        List<Long> ids = chunk.stream().map(MemberStatusView::id).toList();
        List<Long> measured = chunk.stream().filter(m -> !m.withdrawn()).map(MemberStatusView::id).toList();
        Map<Long, WindowStatistics> stats = measured.isEmpty() ? Map.of() : statistics.forWindows(measured, from, now);
        Session session = em.unwrap(Session.class);
        Map<Long, RatingRows.Stored> stored = session.doReturningWork(c -> RatingRows.ratings(c, ids));
        Map<Long, List<RatingRows.Score>> scores = session.doReturningWork(c -> RatingRows.scores(c, ids, from));
        List<RatingRows.Write> writes = new java.util.ArrayList<>();
        for (MemberStatusView member : chunk) {
            try {
                writes.add(rate(member, now, from, stats.get(member.id()), stored.get(member.id()),
                        scores.getOrDefault(member.id(), List.of())));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not rate member %s", member.slug());
            }
        }
        session.doWork(c -> RatingRows.write(c, writes));
        return writes.size();
    }

    private RatingRows.Write rate(MemberStatusView member, Instant now, Instant from, WindowStatistics stats,
                                  RatingRows.Stored stored, List<RatingRows.Score> storedScores) {
        ScorecardResult result = member.withdrawn()
                ? new ScorecardResult(Notch.WR, Notch.WR, null, List.of(), List.of(), new Coverage(0, 0, 0, Duration.ZERO),
                "member withdrawn on " + member.withdrawnAt(), scorecard.version())
                : scorecard.rate(stats, member.apiInterval());
        boolean created = stored == null;
        PublishedRating current = created ? PublishedRating.NONE : stored.published();
        boolean capped = result.caps().stream().anyMatch(c -> c.code().equals("AVAILABILITY_BELOW_THRESHOLD"));
        StabilityRules.Decision decision = stability.decide(current, result.indicated(), capped, member.withdrawn(), now);
        PublishedRating next = decision.state();

        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        RatingScore score = score(member.id(), hour, result, next.notch());
        Outlook outlook = outlookRule.outlook(history(storedScores, score), next.notch(), scorecard::notchFor);

        Rating rating = new Rating();
        rating.memberId = member.id();
        rating.effectiveSince = created || !next.notch().symbol().equals(stored.notch()) ? now : stored.effectiveSince();
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
        List<RatingAction> actions = new java.util.ArrayList<>();
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
            actions.add(action);
        }
        boolean scoreExists = storedScores.stream().anyMatch(s -> s.hour().equals(hour));
        return new RatingRows.Write(rating, created, score, scoreExists, actions);
    }

    /** The hour's score row: the last score computed in that hour. */
    private static RatingScore score(long memberId, Instant hour, ScorecardResult result, Notch published) {
        RatingScore score = new RatingScore();
        score.id = new RatingScore.Key(memberId, hour);
        score.score = result.score();
        score.notch = published.symbol();
        score.indicatedNotch = result.indicated().symbol();
        score.factors = result.factors().stream().map(f -> f.name() + "=" + f.score()).collect(Collectors.joining(","));
        score.methodologyVersion = result.methodologyVersion();
        return score;
    }

    /** The score history of the window (hours from the window's start on), the hour's new score in place of its old. */
    private static List<OutlookRule.ScorePoint> history(List<RatingRows.Score> stored, RatingScore current) {
        List<OutlookRule.ScorePoint> history = new java.util.ArrayList<>();
        for (RatingRows.Score s : stored) {
            if (s.hour().equals(current.id.hour())) {
                continue;
            }
            if (s.score() != null) {
                history.add(new OutlookRule.ScorePoint(s.hour(), s.score()));
            }
        }
        if (current.score != null) {
            history.add(new OutlookRule.ScorePoint(current.id.hour(), current.score));
        }
        history.sort(java.util.Comparator.comparing(OutlookRule.ScorePoint::at));
        return history;
    }

    private String toJson(ScorecardResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a scorecard result", e);
        }
    }
}

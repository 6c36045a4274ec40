package org.stackratings.gate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.stackratings.member.MemberService;
import org.stackratings.member.MemberStatusView;
import org.stackratings.rating.CurrentRating;
import org.stackratings.rating.Notch;
import org.stackratings.rating.RatingService;
import org.stackratings.rating.Watch;
import org.stackratings.statement.RatingStatement;
import org.stackratings.statement.SignedStatement;
import org.stackratings.statement.StatementSigner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an exchange may list a member: the published rating against the criteria, plus a signed statement
 * of that rating (it states the rating, not the decision, so it is signed for DENY too; not for NR).
 */
@ApplicationScoped
public class GateService {

    private final MemberService members;
    private final RatingService ratings;
    private final StatementSigner signer;
    private final Clock clock;

    public GateService(MemberService members, RatingService ratings, StatementSigner signer, Clock clock) {
        this.members = members;
        this.ratings = ratings;
        this.signer = signer;
        this.clock = clock;
    }

    /** The decision for a member; empty when there is no such member. */
    @Transactional
    public Optional<GateDecision> evaluate(String slug, GateCriteria criteria) {
        Optional<MemberStatusView> member = members.status(slug);
        if (member.isEmpty()) {
            return Optional.empty();
        }
        CurrentRating rating = ratings.summary(slug).orElseThrow();
        Instant now = clock.instant();
        Duration age = rating.computedAt() == null ? null : max(Duration.ZERO,
                Duration.between(rating.computedAt(), now).truncatedTo(ChronoUnit.SECONDS));
        List<GateDecision.Reason> reasons = reasons(member.get(), rating, criteria, age);
        SignedStatement statement = !signable(member.get(), rating) ? null : signer.sign(new RatingStatement(rating.member(),
                rating.rating().symbol(), rating.outlook().name(), rating.watch() == null ? null : rating.watch().name(),
                rating.methodologyVersion(), rating.effectiveSince(), rating.computedAt()), now);
        return Optional.of(new GateDecision(rating.member(),
                reasons.isEmpty() ? GateDecision.Decision.ALLOW : GateDecision.Decision.DENY, reasons,
                new GateDecision.Criteria(criteria.minRating(), criteria.maxAge()),
                new GateDecision.RatingSummary(rating.rating(), rating.assured(), rating.outlook(), rating.watch(),
                        rating.methodologyVersion(), rating.effectiveSince(), rating.computedAt(), age),
                statement, now));
    }

    /**
     * A statement states the published rating: none for NR, and none for a withdrawn member whose WR the rating
     * engine has not published yet (the published notch no longer holds).
     */
    private static boolean signable(MemberStatusView member, CurrentRating rating) {
        return rating.rating() != Notch.NR && (!member.withdrawn() || rating.rating() == Notch.WR);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static List<GateDecision.Reason> reasons(MemberStatusView member, CurrentRating rating, GateCriteria criteria,
                                                     Duration age) {
        List<GateDecision.Reason> reasons = new ArrayList<>();
        if (member.withdrawn() || rating.rating() == Notch.WR) {
            reasons.add(new GateDecision.Reason(GateReason.WITHDRAWN, "the member was withdrawn"
                    + (member.withdrawnAt() == null ? "" : " on " + member.withdrawnAt())));
            return reasons;
        }
        if (rating.rating() == Notch.NR) {
            reasons.add(new GateDecision.Reason(GateReason.NOT_RATED, "not rated: "
                    + (rating.notRatedReason() == null ? "not rated yet" : rating.notRatedReason())));
            return reasons;
        }
        if (rating.rating().ordinal() > criteria.minRating().ordinal()) {
            reasons.add(new GateDecision.Reason(GateReason.BELOW_THRESHOLD, "rated " + rating.rating().symbol()
                    + ", below the minimum " + criteria.minRating().symbol()));
        }
        if (rating.watch() == Watch.REVIEW_DOWNGRADE) {
            reasons.add(new GateDecision.Reason(GateReason.WATCH_DOWNGRADE, "on watch for a downgrade"));
        }
        if (age == null || age.compareTo(criteria.maxAge()) > 0) {
            reasons.add(new GateDecision.Reason(GateReason.STALE, age == null ? "the rating engine has not confirmed the rating"
                    : "last confirmed by the rating engine at " + rating.computedAt() + ", " + age
                    + " ago, longer than maxAge " + criteria.maxAge()));
        }
        return reasons;
    }
}

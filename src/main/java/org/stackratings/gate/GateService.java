package org.stackratings.gate;

import jakarta.enterprise.context.ApplicationScoped;
import org.stackratings.certification.Certifications;
import org.stackratings.member.MemberStatusView;
import org.stackratings.publish.RatingReadModel;
import org.stackratings.rating.CurrentRating;
import org.stackratings.rating.Notch;
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
 * of that rating (it states the rating, not the decision, so it is signed for DENY too; not for NR). Member and rating
 * come from the in-memory {@link RatingReadModel}, so a decision costs no database query unless it requires a
 * certificate ({@link Certifications#holdsValid}, one read); the signer reuses a statement for a few seconds, so it
 * seldom costs a signature.
 */
@ApplicationScoped
public class GateService {

    private final RatingReadModel published;
    private final StatementSigner signer;
    private final Certifications certifications;
    private final Clock clock;

    public GateService(RatingReadModel published, StatementSigner signer, Certifications certifications, Clock clock) {
        this.published = published;
        this.signer = signer;
        this.certifications = certifications;
        this.clock = clock;
    }

    /** The decision for a member; empty when there is no such member. */
    public Optional<GateDecision> evaluate(String slug, GateCriteria criteria) {
        Optional<RatingReadModel.PublishedMember> member = published.member(slug);
        if (member.isEmpty()) {
            return Optional.empty();
        }
        CurrentRating rating = member.get().rating();
        Instant now = clock.instant();
        Duration age = rating.computedAt() == null ? null : max(Duration.ZERO,
                Duration.between(rating.computedAt(), now).truncatedTo(ChronoUnit.SECONDS));
        List<GateDecision.Reason> reasons = reasons(member.get().status(), rating, criteria, age);
        if (criteria.requireCertified() != null
                && !certifications.holdsValid(member.get().status().slug(), criteria.requireCertified().value())) {
            reasons.add(new GateDecision.Reason(GateReason.NOT_CERTIFIED, "holds no valid certificate for interop guideline "
                    + criteria.requireCertified().value() + " (checked by StackRatings)"));
        }
        SignedStatement statement = !signable(member.get().status(), rating) ? null : signer.sign(new RatingStatement(rating.member(),
                rating.rating().symbol(), rating.outlook().name(), rating.watch() == null ? null : rating.watch().name(),
                rating.methodologyVersion(), rating.effectiveSince(), rating.computedAt()), now);
        return Optional.of(new GateDecision(rating.member(),
                reasons.isEmpty() ? GateDecision.Decision.ALLOW : GateDecision.Decision.DENY, reasons,
                new GateDecision.Criteria(criteria.minRating(), criteria.maxAge(),
                        criteria.requireCertified() == null ? null : criteria.requireCertified().value()),
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

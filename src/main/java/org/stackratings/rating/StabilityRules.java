package org.stackratings.rating;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides when the published rating follows the indicated notch (PRODUCT.md section 4, RATING.md 5.8): a new notch
 * must be indicated without interruption for the hold period; a sharp fall (or rise) puts the rating on watch at
 * once; the first rating is assigned at once; a withdrawn member is WR at once. A pure function of its inputs.
 */
public final class StabilityRules {

    /** The settings of the rules. */
    public record Settings(Duration hold, int sharpNotches, Duration affirmAfter) {
    }

    /** The new published state and the actions that lead to it (in order). */
    public record Decision(PublishedRating state, List<PlannedAction> actions) {
    }

    private final Settings settings;

    public StabilityRules(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param indicated the scorecard's notch after caps (NR when there is too little data)
     * @param capped    whether a cap that signals a sharp deterioration binds (availability below the cap)
     */
    public Decision decide(PublishedRating current, Notch indicated, boolean capped, boolean withdrawn, Instant now) {
        List<PlannedAction> actions = new ArrayList<>();
        if (withdrawn) {
            if (current.notch() != Notch.WR) {
                actions.add(new PlannedAction(ActionType.WITHDRAWN, Notch.WR, current.notch(), null, "the member was withdrawn"));
                return new Decision(new PublishedRating(Notch.WR, null, null, null, now), actions);
            }
            return new Decision(current, actions);
        }
        if (!current.notch().isRated()) {
            if (indicated.isRated()) {
                actions.add(new PlannedAction(ActionType.ASSIGNED, indicated, current.notch(), null,
                        "first rating: enough data for the methodology's minimum"));
                return new Decision(new PublishedRating(indicated, null, null, null, now), actions);
            }
            return new Decision(current, actions);
        }
        if (!indicated.isRated()) {
            return hold(current, Notch.NR, 1, now, actions, ActionType.WITHDRAWN,
                    "too little data to keep the rating for " + settings.hold());
        }
        int gap = indicated.index() - current.notch().index();   // > 0: worse
        if (gap == 0) {
            PublishedRating settled = new PublishedRating(current.notch(), null, null, null, current.lastActionAt());
            if (current.watch() != null) {
                actions.add(new PlannedAction(ActionType.WATCH_OFF, current.notch(), current.notch(), null,
                        "the indicated rating is back at " + current.notch().symbol()));
                settled = new PublishedRating(current.notch(), null, null, null, now);
            } else if (current.lastActionAt() == null || !now.isBefore(current.lastActionAt().plus(settings.affirmAfter()))) {
                actions.add(new PlannedAction(ActionType.AFFIRMED, current.notch(), current.notch(), null,
                        "no change indicated for " + settings.affirmAfter()));
                settled = new PublishedRating(current.notch(), null, null, null, now);
            }
            return new Decision(settled, actions);
        }
        Watch watch = current.watch();
        Instant lastAction = current.lastActionAt();
        if ((gap >= settings.sharpNotches() || capped && gap > 0) && watch != Watch.REVIEW_DOWNGRADE) {
            watch = Watch.REVIEW_DOWNGRADE;
            lastAction = now;
            actions.add(new PlannedAction(ActionType.WATCH_ON, current.notch(), current.notch(), watch,
                    "sharp deterioration: indicated " + indicated.symbol() + (capped ? " under a cap" : "")
                            + ", " + gap + " notch(es) below the rating"));
        } else if (gap <= -settings.sharpNotches() && watch != Watch.REVIEW_UPGRADE) {
            watch = Watch.REVIEW_UPGRADE;
            lastAction = now;
            actions.add(new PlannedAction(ActionType.WATCH_ON, current.notch(), current.notch(), watch,
                    "sharp improvement: indicated " + indicated.symbol() + ", " + (-gap) + " notch(es) above the rating"));
        }
        PublishedRating watched = new PublishedRating(current.notch(), watch, current.pending(), current.pendingSince(), lastAction);
        ActionType move = gap > 0 ? ActionType.DOWNGRADE : ActionType.UPGRADE;
        return hold(watched, indicated, Integer.signum(gap), now, actions, move,
                "indicated " + indicated.symbol() + " for " + settings.hold() + " without interruption");
    }

    /** Starts or continues the hold towards {@code target}; moves when it has lasted long enough. */
    private Decision hold(PublishedRating current, Notch target, int direction, Instant now, List<PlannedAction> actions,
                          ActionType move, String reason) {
        boolean sameDirection = current.pending() != null && direction(current.notch(), current.pending()) == direction;
        Instant since = sameDirection ? current.pendingSince() : now;
        if (!now.isBefore(since.plus(settings.hold()))) {
            actions.add(new PlannedAction(move, target, current.notch(), null, reason));
            return new Decision(new PublishedRating(target, null, null, null, now), actions);
        }
        return new Decision(new PublishedRating(current.notch(), current.watch(), target, since, current.lastActionAt()), actions);
    }

    private static int direction(Notch from, Notch to) {
        if (!to.isRated()) {
            return 1;
        }
        return Integer.signum(to.index() - from.index());
    }
}

package org.stackratings.publish.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.stackratings.rating.ActionView;
import org.stackratings.rating.RatingService;

import java.util.List;
import java.util.Map;

/** Reads the feed after a cursor. */
@ApplicationScoped
public class FeedService {

    /** What a page of the feed holds: the actions after the cursor and the cursor to continue from. */
    public record Slice(List<FeedAction> actions, FeedCursor since, FeedCursor next, boolean more) {
    }

    private final RatingService ratings;

    public FeedService(RatingService ratings) {
        this.ratings = ratings;
    }

    /** The last position handed out and committed (positions have no gaps: every one up to it exists). */
    @Transactional
    public long head() {
        return ((Number) FeedEntry.getEntityManager()
                .createNativeQuery("select last_position from feed_sequencer where id = 1").getSingleResult()).longValue();
    }

    @Transactional
    public Slice after(FeedCursor since, int limit) {
        List<FeedEntry> entries = FeedEntry.<FeedEntry>find("position > ?1 order by position", since.position())
                .range(0, limit).list();
        boolean more = entries.size() > limit;
        List<FeedEntry> page = more ? entries.subList(0, limit) : entries;
        return new Slice(actions(page), since, page.isEmpty() ? since : new FeedCursor(page.get(page.size() - 1).position),
                more);
    }

    /** The entries at these positions, in their order (the webhook worker builds events from them). */
    @Transactional
    public List<FeedAction> at(List<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return actions(FeedEntry.<FeedEntry>list("position in ?1 order by position", positions));
    }

    private List<FeedAction> actions(List<FeedEntry> entries) {
        Map<Long, ActionView> actions = ratings.actionsById(entries.stream().map(e -> e.actionId).toList());
        return entries.stream().map(e -> FeedAction.of(e, actions.get(e.actionId))).toList();
    }
}

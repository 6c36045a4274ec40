package org.stackratings.publish.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.stackratings.certification.CertificationEventView;
import org.stackratings.certification.Certifications;
import org.stackratings.rating.ActionView;
import org.stackratings.rating.RatingService;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads the feed after a cursor. */
@ApplicationScoped
public class FeedService {

    /**
     * What a page of the feed holds: the rating actions and certification changes after the cursor (together, their
     * positions have no gaps) and the cursor to continue from.
     */
    public record Slice(List<FeedAction> actions, List<FeedCertification> certifications, FeedCursor since,
                        FeedCursor next, boolean more) {
    }

    private final RatingService ratings;
    private final Certifications certifications;

    public FeedService(RatingService ratings, Certifications certifications) {
        this.ratings = ratings;
        this.certifications = certifications;
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
        List<FeedItem> items = items(page);
        return new Slice(items.stream().filter(FeedAction.class::isInstance).map(FeedAction.class::cast).toList(),
                items.stream().filter(FeedCertification.class::isInstance).map(FeedCertification.class::cast).toList(),
                since, page.isEmpty() ? since : new FeedCursor(page.get(page.size() - 1).position), more);
    }

    /** The entries at these positions, in their order (the webhook worker builds events from them). */
    @Transactional
    public List<FeedItem> at(List<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return items(FeedEntry.<FeedEntry>list("position in ?1 order by position", positions));
    }

    private List<FeedItem> items(List<FeedEntry> entries) {
        Map<Long, ActionView> actions = ratings.actionsById(entries.stream().map(e -> e.actionId)
                .filter(Objects::nonNull).toList());
        Map<Long, CertificationEventView> events = certifications.events(entries.stream()
                .map(e -> e.certificationEventId).filter(Objects::nonNull).toList());
        return entries.stream().<FeedItem>map(e -> e.actionId != null ? FeedAction.of(e, actions.get(e.actionId))
                : FeedCertification.of(e, events.get(e.certificationEventId))).toList();
    }
}

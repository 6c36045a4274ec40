package org.stackratings.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.EntityTag;
import org.stackratings.member.MemberChanged;
import org.stackratings.rating.CurrentRating;
import org.stackratings.rating.RatingService;
import org.stackratings.rating.RatingsChanged;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published ratings held in memory, so that reads cost no database query. A generation is built lazily on the
 * first read after it was dropped: the list once, each member's detail (serialised to JSON with its entity tag) on
 * the first request for it. A generation is dropped when this node re-rates ({@link RatingsChanged}), when a member
 * changes ({@link MemberChanged}, after commit), and when it is older than {@code stackratings.publish.refresh-interval} so that
 * changes made by other nodes of a cluster are seen within that interval.
 */
@ApplicationScoped
public class RatingReadModel {

    private final RatingService ratings;
    private final ObjectMapper json;
    private final long maxAgeNanos;
    private volatile Generation generation = new Generation();

    public RatingReadModel(RatingService ratings, ObjectMapper json, PublishConfig config) {
        this.ratings = ratings;
        this.json = json;
        this.maxAgeNanos = config.refreshInterval().toNanos();
    }

    /** The generation to read from, dropped first when it is older than the refresh interval. */
    private Generation current() {
        Generation current = generation;
        if (System.nanoTime() - current.createdAt > maxAgeNanos) {
            current = new Generation();
            generation = current;
        }
        return current;
    }

    /** Every member's rating, best first (the list without detail-only fields). */
    public List<CurrentRating> all() {
        return current().all(ratings);
    }

    /** A member's rating detail as JSON, or empty when there is no such member. */
    public Optional<CachedJson> detail(String slug) {
        Generation current = current();
        CachedJson cached = current.details.get(slug);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<CachedJson> built = ratings.find(slug).map(this::serialise);
        built.ifPresent(b -> current.details.putIfAbsent(slug, b));
        return built;
    }

    /** The current rating of a member as an object (for the badge and other renderings), cached with the list. */
    public Optional<CurrentRating> summary(String slug) {
        return all().stream().filter(r -> r.member().equals(slug)).findFirst();
    }

    public CachedJson serialise(Object value) {
        try {
            byte[] body = json.writeValueAsBytes(value);
            return new CachedJson(body, etagOf(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rating could not be written as JSON", e);
        }
    }

    /** A strong entity tag: the first 128 bits of the body's SHA-256, base64url. */
    public static EntityTag etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    public void invalidate() {
        generation = new Generation();
    }

    void onRatings(@Observes RatingsChanged change) {
        invalidate();
    }

    void onMember(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberChanged change) {
        invalidate();
    }

    /** One snapshot of the published ratings; never modified after it is dropped. */
    private static final class Generation {
        private final long createdAt = System.nanoTime();
        private final Map<String, CachedJson> details = new ConcurrentHashMap<>();
        private volatile List<CurrentRating> all;

        List<CurrentRating> all(RatingService ratings) {
            List<CurrentRating> list = all;
            if (list == null) {
                synchronized (this) {
                    list = all;
                    if (list == null) {
                        list = ratings.list(new RatingService.ListQuery(null, null, false, RatingService.Sort.RATING));
                        all = list;
                    }
                }
            }
            return list;
        }
    }
}

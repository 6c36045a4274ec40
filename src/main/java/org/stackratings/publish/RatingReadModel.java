package org.stackratings.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.EntityTag;
import org.stackratings.member.MemberChanged;
import org.stackratings.member.MemberService;
import org.stackratings.member.MemberStatusView;
import org.stackratings.rating.CurrentRating;
import org.stackratings.rating.RatingService;
import org.stackratings.rating.RatingsChanged;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published ratings held in memory, so that reads cost no database query. A generation is built lazily on the
 * first read after it was dropped: the list once, each member's detail (serialised to JSON with its entity tag) on
 * the first request for it. A generation is dropped when this node re-rates ({@link RatingsChanged}), when a member
 * changes ({@link MemberChanged}, after commit), and when it is older than {@code stackratings.publish.refresh-interval} so that
 * changes made by other nodes of a cluster are seen within that interval. The gate reads members from here too
 * ({@link #member}), so a gate decision costs no database query either.
 */
@ApplicationScoped
public class RatingReadModel {

    private final RatingService ratings;
    private final MemberService members;
    private final ObjectMapper json;
    private final long maxAgeNanos;
    private volatile Generation generation = new Generation();

    public RatingReadModel(RatingService ratings, MemberService members, ObjectMapper json, PublishConfig config) {
        this.ratings = ratings;
        this.members = members;
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
        return current().snapshot(ratings, members).all();
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
        return member(slug).map(PublishedMember::rating);
    }

    /** A member (withdrawn or not) and its published rating, as the gate reads them; empty when there is no such member. */
    public Optional<PublishedMember> member(String slug) {
        return Optional.ofNullable(current().snapshot(ratings, members).bySlug().get(slug));
    }

    /** A member's status (withdrawn or not, and when) with its published rating (the list's fields, no detail). */
    public record PublishedMember(MemberStatusView status, CurrentRating rating) {
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

    /** The ratings of a generation: in the list's order, and by member with the member's status. */
    private record Snapshot(List<CurrentRating> all, Map<String, PublishedMember> bySlug) {
    }

    /** One snapshot of the published ratings; never modified after it is dropped. */
    private static final class Generation {
        private final long createdAt = System.nanoTime();
        private final Map<String, CachedJson> details = new ConcurrentHashMap<>();
        private volatile Snapshot snapshot;

        Snapshot snapshot(RatingService ratings, MemberService members) {
            Snapshot read = snapshot;
            if (read == null) {
                synchronized (this) {
                    read = snapshot;
                    if (read == null) {
                        read = load(ratings, members);
                        snapshot = read;
                    }
                }
            }
            return read;
        }

        /**
         * Statuses first, then ratings: a member onboarded in between has a rating and no status and is left out
         * until the next generation (its {@link MemberChanged} drops this one anyway).
         */
        private static Snapshot load(RatingService ratings, MemberService members) {
            Map<String, MemberStatusView> statuses = new HashMap<>();
            members.allStatuses().forEach(m -> statuses.put(m.slug(), m));
            List<CurrentRating> all = ratings.list(new RatingService.ListQuery(null, null, false, RatingService.Sort.RATING));
            Map<String, PublishedMember> bySlug = new HashMap<>();
            for (CurrentRating rating : all) {
                MemberStatusView status = statuses.get(rating.member());
                if (status != null) {
                    bySlug.put(rating.member(), new PublishedMember(status, rating));
                }
            }
            return new Snapshot(all, Map.copyOf(bySlug));
        }
    }
}

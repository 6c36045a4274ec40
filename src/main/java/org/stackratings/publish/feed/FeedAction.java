package org.stackratings.publish.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.stackratings.rating.ActionType;
import org.stackratings.rating.ActionView;
import org.stackratings.rating.Notch;
import org.stackratings.rating.Outlook;
import org.stackratings.rating.Watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rating action as the feed and webhooks publish it: its feed position ({@code sequence}), what happened, and a
 * summary of the rationale (factor scores, caps, coverage); the full scorecard is behind {@code links.actions}.
 */
public record FeedAction(long sequence, long actionId, String member, ActionType action, Notch rating,
                         Notch previousRating, Notch indicatedRating, Outlook outlook, Watch watch, Double score,
                         String reason, String methodologyVersion, Instant effectiveAt, Instant publishedAt,
                         Rationale rationale, Links links) implements FeedItem {

    /** Factor scores (0–100) by name, the codes of the caps that applied, and the share of expected data seen. */
    public record Rationale(Map<String, Double> factors, List<String> caps, Double coverage) {
    }

    public record Links(String rating, String actions) {
    }

    public static FeedAction of(FeedEntry entry, ActionView action) {
        return new FeedAction(entry.position, action.id(), action.member(), action.action(), action.rating(),
                action.previousRating(), action.indicatedRating(), action.outlook(), action.watch(), action.score(),
                action.reason(), action.methodologyVersion(), action.effectiveAt(), entry.sequencedAt,
                summary(action.rationale()),
                new Links("/api/v1/ratings/" + action.member(), "/api/v1/ratings/" + action.member() + "/actions"));
    }

    private static Rationale summary(JsonNode scorecard) {
        Map<String, Double> factors = new LinkedHashMap<>();
        scorecard.path("factors").forEach(f -> factors.put(f.path("name").asText(), f.path("score").asDouble()));
        List<String> caps = new ArrayList<>();
        scorecard.path("caps").forEach(c -> caps.add(c.path("code").asText()));
        JsonNode share = scorecard.path("coverage").path("share");
        return new Rationale(factors, caps, share.isNumber() ? share.asDouble() : null);
    }
}

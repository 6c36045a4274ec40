package org.stackratings.gate;

import io.quarkus.arc.Arc;
import org.stackratings.publish.RatingReadModel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.stackratings.ApiTestSupport;
import org.stackratings.member.Member;
import org.stackratings.rating.Coverage;
import org.stackratings.rating.Notch;
import org.stackratings.rating.Outlook;
import org.stackratings.rating.Rating;
import org.stackratings.rating.ScorecardResult;
import org.stackratings.rating.Watch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.stackratings.ApiTestSupport.admin;

/** Members with a published rating written straight into the rating table, so a test sets exactly what the gate reads. */
public final class RatedMembers {

    public static final String METHODOLOGY = "test-gate-1";

    private RatedMembers() {
    }

    /** Onboards a member that is never probed; it has no rating (NR) until {@link #rate} writes one. */
    public static String onboard(String prefix) {
        String slug = ApiTestSupport.uniqueSlug(prefix);
        admin().body(ApiTestSupport.memberBody(slug, "http://127.0.0.1:9/identity/v3", "pw", false))
                .post("/api/v1/members").then().statusCode(201);
        return slug;
    }

    /** Publishes {@code notch} for the member as the rating engine would, last confirmed at {@code ratedAt}. */
    public static void rate(ObjectMapper json, String slug, Notch notch, Watch watch, Outlook outlook, Instant effectiveSince,
                            Instant ratedAt) {
        String rationale;
        try {
            rationale = json.writeValueAsString(new ScorecardResult(notch, notch, notch.isRated() ? 80.0 : null, List.of(),
                    List.of(), new Coverage(1.0, 60, 60, Duration.ofDays(30)), notch == Notch.NR ? "too little data" : null,
                    METHODOLOGY));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            long id = Member.findBySlug(slug).orElseThrow().id;
            Rating rating = Rating.findById(id);
            if (rating == null) {
                rating = new Rating();
                rating.memberId = id;
            }
            rating.notch = notch.symbol();
            rating.indicatedNotch = notch.symbol();
            rating.score = notch.isRated() ? 80.0 : null;
            rating.rationale = rationale;
            rating.methodologyVersion = METHODOLOGY;
            rating.windowStart = ratedAt.minus(Duration.ofDays(30));
            rating.windowEnd = ratedAt;
            rating.coverage = 1.0;
            rating.effectiveSince = effectiveSince;
            rating.computedAt = ratedAt;
            rating.outlook = outlook.name();
            rating.watch = watch == null ? null : watch.name();
            if (!rating.isPersistent()) {
                rating.persist();
            }
        });
        // written behind the rating engine's back, so the in-memory published ratings are dropped as the engine does
        Arc.container().instance(RatingReadModel.class).get().invalidate();
    }
}

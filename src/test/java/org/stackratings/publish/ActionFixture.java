package org.stackratings.publish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.stackratings.member.Member;
import org.stackratings.rating.RatingAction;

import java.time.Instant;

import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

/** Members and rating actions written straight to the database, as the rating engine writes them. */
public final class ActionFixture {

    public static final String RATIONALE = "{\"factors\":[{\"name\":\"availability\",\"weight\":0.5,\"score\":97.5,\"subFactors\":[]},"
            + "{\"name\":\"latency\",\"weight\":0.5,\"score\":81.0,\"subFactors\":[]}],"
            + "\"caps\":[{\"code\":\"AVAILABILITY_BELOW_THRESHOLD\",\"cap\":\"Ba1\",\"text\":\"t\"}],"
            + "\"coverage\":{\"share\":0.96,\"measuredRuns\":24,\"expectedRuns\":25,\"history\":\"PT7H\"}}";

    private ActionFixture() {
    }

    /** Onboards a member that is never probed; returns its database id. */
    public static long member(String prefix) {
        String slug = uniqueSlug(prefix);
        admin().body(memberBody(slug, "https://keystone.example.com:5000/v3", "pw", false)).post("/api/v1/members")
                .then().statusCode(201);
        return QuarkusTransaction.requiringNew().call(() -> Member.findBySlug(slug).orElseThrow().id);
    }

    /** Writes one action in the caller's transaction (flushed, so its id is allocated) and returns its id. */
    public static long insert(long memberId, String notch) {
        RatingAction action = new RatingAction();
        action.memberId = memberId;
        action.action = "ASSIGNED";
        action.notch = notch;
        action.indicatedNotch = notch;
        action.outlook = "STABLE";
        action.score = 88.5;
        action.reason = "first rating";
        action.rationale = RATIONALE;
        action.methodologyVersion = "test";
        action.effectiveAt = Instant.parse("2026-11-01T10:00:00Z");
        action.persistAndFlush();
        return action.id;
    }

    /** Writes one action in a transaction of its own. */
    public static long insertCommitted(long memberId, String notch) {
        return QuarkusTransaction.requiringNew().call(() -> insert(memberId, notch));
    }
}

package org.stackratings.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stackratings.rating.Notch;
import org.stackratings.rating.Outlook;
import org.stackratings.rating.Watch;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.stackratings.ApiTestSupport.admin;

@QuarkusTest
class GateTest {

    @Inject
    ObjectMapper json;

    private final Instant now = Instant.now();

    @Test
    void allowsARatingAtOrAboveTheMinimumConfirmedWithinMaxAge() {
        String slug = rated(Notch.A1, null, now.minus(Duration.ofMinutes(2)));
        JsonPath answer = gate(slug, "");
        assertThat(answer.getString("decision")).isEqualTo("ALLOW");
        assertThat(answer.getList("reasons")).isEmpty();
        assertThat(answer.getString("criteria.minRating")).isEqualTo("Baa3");
        assertThat(answer.getString("criteria.maxAge")).isEqualTo("PT24H");
        assertThat(answer.getString("rating.rating")).isEqualTo("A1");
        assertThat(answer.getBoolean("rating.assured")).isTrue();
        assertThat(answer.getString("rating.methodologyVersion")).isEqualTo(RatedMembers.METHODOLOGY);
        assertThat(Duration.parse(answer.getString("rating.age"))).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(3));
        assertThat(answer.getString("statement.jws")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

        String edge = rated(Notch.BAA3, null, now);
        assertThat(gate(edge, "").getString("decision")).isEqualTo("ALLOW");
    }

    @Test
    void deniesBelowTheThresholdAndReadsRatingNamesInAnyCase() {
        String slug = rated(Notch.BA2, null, now);
        JsonPath denied = gate(slug, "?minRating=Baa3");
        assertThat(denied.getString("decision")).isEqualTo("DENY");
        assertThat(denied.getList("reasons.code", String.class)).containsExactly("BELOW_THRESHOLD");
        assertThat(denied.getString("reasons[0].detail")).isEqualTo("rated Ba2, below the minimum Baa3");
        assertThat(denied.getString("statement.jws")).as("a statement states the rating, whatever the decision").isNotBlank();

        assertThat(gate(slug, "?minRating=ba2").getString("decision")).isEqualTo("ALLOW");
        assertThat(gate(slug, "?minRating=BA1").getList("reasons.code", String.class)).containsExactly("BELOW_THRESHOLD");
        assertThat(gate(slug, "?minRating=B3").getString("criteria.minRating")).isEqualTo("B3");
    }

    @Test
    void deniesARatingOnWatchForDowngradeButNotForUpgrade() {
        String down = rated(Notch.AA2, Watch.REVIEW_DOWNGRADE, now);
        JsonPath denied = gate(down, "");
        assertThat(denied.getString("decision")).isEqualTo("DENY");
        assertThat(denied.getList("reasons.code", String.class)).containsExactly("WATCH_DOWNGRADE");
        assertThat(denied.getString("rating.watch")).isEqualTo("REVIEW_DOWNGRADE");

        String up = rated(Notch.AA2, Watch.REVIEW_UPGRADE, now);
        assertThat(gate(up, "").getString("decision")).isEqualTo("ALLOW");
    }

    @Test
    void deniesAMemberThatIsNotRatedWithoutAStatement() {
        String never = RatedMembers.onboard("gate-nr");
        JsonPath fresh = gate(never, "");
        assertThat(fresh.getString("decision")).isEqualTo("DENY");
        assertThat(fresh.getList("reasons.code", String.class)).containsExactly("NOT_RATED");
        assertThat(fresh.getString("rating.rating")).isEqualTo("NR");
        assertThat(fresh.getString("statement")).isNull();

        String thin = rated(Notch.NR, null, now);
        JsonPath notRated = gate(thin, "?minRating=C");
        assertThat(notRated.getList("reasons.code", String.class)).containsExactly("NOT_RATED");
        assertThat(notRated.getString("reasons[0].detail")).isEqualTo("not rated: too little data");
        assertThat(notRated.getString("statement")).isNull();
    }

    @Test
    void deniesAWithdrawnMemberAtOnceAndSignsOnceWrIsPublished() {
        String slug = rated(Notch.AAA, null, now);
        admin().delete("/api/v1/members/" + slug).then().statusCode(204);
        JsonPath before = gate(slug, "");
        assertThat(before.getString("decision")).isEqualTo("DENY");
        assertThat(before.getList("reasons.code", String.class)).containsExactly("WITHDRAWN");
        assertThat(before.getString("statement")).as("Aaa no longer holds, WR is not published yet").isNull();

        RatedMembers.rate(json, slug, Notch.WR, null, Outlook.STABLE, now, now);
        JsonPath after = gate(slug, "");
        assertThat(after.getList("reasons.code", String.class)).containsExactly("WITHDRAWN");
        assertThat(after.getString("rating.rating")).isEqualTo("WR");
        assertThat(after.getString("statement.jws")).isNotBlank();
    }

    @Test
    void deniesARatingNotConfirmedWithinMaxAge() {
        String slug = rated(Notch.A2, null, now.minus(Duration.ofHours(30)));
        JsonPath stale = gate(slug, "");
        assertThat(stale.getString("decision")).isEqualTo("DENY");
        assertThat(stale.getList("reasons.code", String.class)).containsExactly("STALE");
        assertThat(stale.getString("reasons[0].detail")).contains("longer than maxAge PT24H");
        assertThat(gate(slug, "?maxAge=P2D").getString("decision")).isEqualTo("ALLOW");
        assertThat(gate(slug, "?maxAge=PT29H").getList("reasons.code", String.class)).containsExactly("STALE");
    }

    @Test
    void listsEveryReasonThatApplies() {
        String slug = rated(Notch.CAA1, Watch.REVIEW_DOWNGRADE, now.minus(Duration.ofDays(3)));
        assertThat(gate(slug, "?maxAge=P1D").getList("reasons.code", String.class))
                .containsExactly("BELOW_THRESHOLD", "WATCH_DOWNGRADE", "STALE");
    }

    @Test
    void refusesBadInputWithProblemDetails() {
        String slug = rated(Notch.A1, null, now);
        admin().get("/api/v1/gate/" + slug + "?minRating=Bbb1").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:stackratings:problem:bad-request"))
                .body("detail", containsString("Aaa, Aa1, Aa2, Aa3, A1"))
                .body("detail", containsString("got 'Bbb1'"));
        admin().get("/api/v1/gate/" + slug + "?minRating=NR").then().statusCode(400).contentType("application/problem+json");
        admin().get("/api/v1/gate/" + slug + "?minRating=WR").then().statusCode(400).contentType("application/problem+json");
        admin().get("/api/v1/gate/" + slug + "?maxAge=1day").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("maxAge must be an ISO-8601 duration such as PT6H or P1D, got '1day'"));
        admin().get("/api/v1/gate/" + slug + "?maxAge=-PT1H").then().statusCode(400).contentType("application/problem+json");
        admin().get("/api/v1/gate/" + slug + "?maxAge=PT0S").then().statusCode(400).contentType("application/problem+json");
        admin().get("/api/v1/gate/no-such-member").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("member 'no-such-member' does not exist"));
    }

    @Test
    void needsAnExchangeOrAdminKey() {
        String slug = rated(Notch.A1, null, now);
        RestAssured.get("/api/v1/gate/" + slug).then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().header("Authorization", "Bearer wrong-key").get("/api/v1/gate/" + slug)
                .then().statusCode(401).contentType("application/problem+json");
        admin().get("/api/v1/gate/" + slug).then().statusCode(200).body("member", equalTo(slug))
                .body("rating.watch", nullValue());
    }

    private String rated(Notch notch, Watch watch, Instant ratedAt) {
        String slug = RatedMembers.onboard("gate");
        RatedMembers.rate(json, slug, notch, watch, Outlook.STABLE, ratedAt.minus(Duration.ofDays(5)), ratedAt);
        return slug;
    }

    private static JsonPath gate(String slug, String query) {
        return admin().get("/api/v1/gate/" + slug + query).then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
    }
}

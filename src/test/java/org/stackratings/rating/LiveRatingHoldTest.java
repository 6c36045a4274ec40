package org.stackratings.rating;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

@QuarkusTest
class LiveRatingHoldTest {

    @Inject
    RatingEngine engine;
    @Inject
    LiveRatingHold hold;

    @Test
    void theScheduledRunRatesNothingWhileHeld() {
        String slug = uniqueSlug("held");
        admin().body(memberBody(slug, "http://127.0.0.1:9/identity/v3", "secret", false)).post("/api/v1/members")
                .then().statusCode(201);
        hold.hold("a test replays history");
        try {
            engine.scheduled();
            RestAssured.get("/api/v1/ratings/" + slug).then().statusCode(200).body("computedAt", nullValue());
        } finally {
            hold.release();
        }
        engine.scheduled();
        RestAssured.get("/api/v1/ratings/" + slug).then().statusCode(200)
                .body("notRatedReason", equalTo("no measurements yet"));
    }
}

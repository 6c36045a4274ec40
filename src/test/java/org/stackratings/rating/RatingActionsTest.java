package org.stackratings.rating;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxTestResource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;

@QuarkusTest
@TestProfile(ImmediateMovesProfile.class)
@WithTestResource(SandboxTestResource.class)
class RatingActionsTest {

    @Inject
    RatingEngine engine;

    @Test
    void assignsThenDowngradesWithWatchAndPublishesTheHistory() {
        Instant before = Instant.now();
        String cloud = "actions-" + System.nanoTime() % 100000;
        putCloud(cloud, "latency: { distribution: constant, medianMs: 5 }");
        admin().body(memberBody(cloud, SandboxTestResource.server().authUrl(cloud), "pw", false)).post("/api/v1/members")
                .then().statusCode(201);
        probe(cloud, 4);
        engine.rateAll();
        JsonPath assigned = RestAssured.get("/api/v1/ratings/" + cloud + "/actions").then().statusCode(200).extract().jsonPath();
        assertThat(assigned.getList("items.action", String.class)).containsExactly("ASSIGNED");
        String firstNotch = assigned.getString("items[0].rating");
        assertThat(assigned.getString("items[0].methodologyVersion")).isEqualTo("test-immediate");
        assertThat(assigned.getList("items[0].rationale.factors.name", String.class)).contains("availability", "latency");

        putCloud(cloud, "latency: { distribution: constant, medianMs: 5 }\nerrorRate: 0.6\nerrorStatus: 500\nseed: 3");
        probe(cloud, 12);
        engine.rateAll();
        JsonPath history = RestAssured.get("/api/v1/ratings/" + cloud + "/actions").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.action", String.class)).containsExactly("DOWNGRADE", "WATCH_ON", "ASSIGNED");
        assertThat(history.getString("items[0].previousRating")).isEqualTo(firstNotch);
        assertThat(history.getString("items[1].watch")).isEqualTo("REVIEW_DOWNGRADE");
        Notch downgraded = Notch.fromSymbol(history.getString("items[0].rating")).orElseThrow();
        assertThat(downgraded.isAssured()).isFalse();

        RestAssured.get("/api/v1/ratings/" + cloud).then().statusCode(200)
                .body("rating", equalTo(downgraded.symbol()))
                .body("indicatedRating", equalTo(downgraded.symbol()))
                .body("lastAction.action", equalTo("DOWNGRADE"))
                .body("outlook", equalTo("STABLE"));

        JsonPath matrix = RestAssured.get("/api/v1/statistics/transitions?from=" + before + "&to=" + Instant.now().plusSeconds(1))
                .then().statusCode(200).extract().jsonPath();
        String column = RatingStatistics.category(downgraded);
        assertThat(matrix.getLong("counts.NR.'" + column + "'")).isGreaterThanOrEqualTo(1);
        RestAssured.get("/api/v1/statistics/performance").then().statusCode(200)
                .body("bands.band", org.hamcrest.Matchers.hasItems("Aaa", "Baa", "Caa-C"));

        List<Object> points = admin().get("/api/v1/members/" + cloud + "/scores").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(points).isNotEmpty();
        admin().get("/api/v1/members/" + cloud + "/scores?step=PT5M").then().statusCode(400).contentType("application/problem+json");
        RestAssured.get("/api/v1/members/" + cloud + "/scores").then().statusCode(401);
    }

    @Test
    void publishesTheMethodologyInForce() {
        RestAssured.get("/api/v1/methodology").then().statusCode(200)
                .body("version", equalTo("test-immediate"))
                .body("stability.hold", equalTo("PT0S"))
                .body("grids.apiAvailability[0]", equalTo(99.99f))
                .body("assuredGradeFloor", equalTo("Baa3"))
                .body("notchFloors.Baa3", equalTo(50.0f));
        RestAssured.get("/api/v1/ratings/no-such-member/actions").then().statusCode(404).contentType("application/problem+json");
    }

    private static void putCloud(String name, String faults) {
        org.stackratings.ApiTestSupport.yaml().body("name: " + name + "\nusers: [ { name: probe, password: pw } ]\n" + faults + "\n")
                .put(SandboxTestResource.server().baseUrl() + "/_sandbox/clouds/" + name).then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }

    private static void probe(String member, int runs) {
        for (int i = 0; i < runs; i++) {
            admin().body("{}").post("/api/v1/members/" + member + "/probe-runs").then().statusCode(201);
        }
    }
}

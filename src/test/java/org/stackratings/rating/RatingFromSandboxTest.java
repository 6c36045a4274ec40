package org.stackratings.rating;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxTestResource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

@QuarkusTest
@TestProfile(ShortWindowProfile.class)
@WithTestResource(SandboxTestResource.class)
class RatingFromSandboxTest {

    @Inject
    RatingEngine engine;

    @Test
    void aBetterCloudGetsABetterRating() {
        String good = cloud("good", "latency: { distribution: constant, medianMs: 5 }\nerrorRate: 0");
        String fair = cloud("fair", "latency: { distribution: constant, medianMs: 120 }\nerrorRate: 0.05\nseed: 7");
        String poor = cloud("poor", "latency: { distribution: constant, medianMs: 250 }\nerrorRate: 0.3\nerrorStatus: 500\nseed: 9");
        for (int i = 0; i < 8; i++) {
            for (String slug : List.of(good, fair, poor)) {
                admin().body("{}").post("/api/v1/members/" + slug + "/probe-runs").then().statusCode(201);
            }
        }
        assertThat(engine.rateAll()).isGreaterThanOrEqualTo(3);

        Notch goodNotch = notch(good);
        Notch fairNotch = notch(fair);
        Notch poorNotch = notch(poor);
        assertThat(goodNotch.isAssured()).as("good cloud %s", goodNotch).isTrue();
        assertThat(goodNotch.ordinal()).isLessThan(fairNotch.ordinal());
        assertThat(fairNotch.ordinal()).isLessThan(poorNotch.ordinal());
        assertThat(poorNotch.isAssured()).isFalse();

        JsonPath detail = RestAssured.get("/api/v1/ratings/" + poor).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("methodologyVersion")).isEqualTo("test-short-window");
        assertThat(detail.getList("factors.name", String.class)).containsExactly("availability", "latency");
        assertThat(detail.getList("caps.code", String.class)).contains("AVAILABILITY_BELOW_THRESHOLD");
        assertThat(detail.getDouble("coverage.share")).isGreaterThan(0.5);

        List<String> order = RestAssured.get("/api/v1/ratings?sort=rating&size=500").jsonPath().getList("items.member", String.class);
        assertThat(order.indexOf(good)).isLessThan(order.indexOf(fair));
        assertThat(order.indexOf(fair)).isLessThan(order.indexOf(poor));
        List<String> assured = RestAssured.get("/api/v1/ratings?assuredOnly=true&size=500").jsonPath().getList("items.member", String.class);
        assertThat(assured).contains(good).doesNotContain(poor);
    }

    @Test
    void withdrawnMembersAreRatedWrAndNewOnesNr() {
        String fresh = uniqueSlug("fresh");
        admin().body(memberBody(fresh, SandboxTestResource.server().authUrl("alpha"), "alpha-secret", false))
                .post("/api/v1/members").then().statusCode(201);
        engine.rateAll();
        RestAssured.get("/api/v1/ratings/" + fresh).then().statusCode(200).body("rating", equalTo("NR"))
                .body("notRatedReason", equalTo("no measurements yet"));
        admin().delete("/api/v1/members/" + fresh).then().statusCode(204);
        engine.rateAll();
        RestAssured.get("/api/v1/ratings/" + fresh).then().statusCode(200).body("rating", equalTo("WR"));
    }

    @Test
    void rejectsBadListParameters() {
        RestAssured.get("/api/v1/ratings?minRating=AAAA").then().statusCode(400).contentType("application/problem+json");
        RestAssured.get("/api/v1/ratings?sort=colour").then().statusCode(400).contentType("application/problem+json");
        RestAssured.get("/api/v1/ratings?size=0").then().statusCode(400).contentType("application/problem+json");
        RestAssured.get("/api/v1/ratings/no-such-member").then().statusCode(404).contentType("application/problem+json");
    }

    private static String cloud(String prefix, String faults) {
        String name = prefix + "-" + System.nanoTime() % 100000;
        org.stackratings.ApiTestSupport.yaml()
                .body("name: " + name + "\nusers: [ { name: probe, password: pw } ]\n" + faults + "\n")
                .put(SandboxTestResource.server().baseUrl() + "/_sandbox/clouds/" + name)
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));
        admin().body(memberBody(name, SandboxTestResource.server().authUrl(name), "pw", false))
                .post("/api/v1/members").then().statusCode(201);
        return name;
    }

    private static Notch notch(String member) {
        String symbol = RestAssured.get("/api/v1/ratings/" + member).jsonPath().getString("rating");
        return Notch.fromSymbol(symbol).orElseThrow();
    }
}

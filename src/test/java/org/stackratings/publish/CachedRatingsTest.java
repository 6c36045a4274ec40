package org.stackratings.publish;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stackratings.rating.RatingEngine;
import org.stackratings.sandbox.SandboxTestResource;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class CachedRatingsTest {

    @Inject
    RatingEngine engine;

    private String newMember(String displayName) {
        String slug = uniqueSlug("cache");
        Map<String, Object> body = new java.util.HashMap<>(memberBody(slug, SandboxTestResource.server().authUrl("alpha"), "alpha-secret", false));
        body.put("displayName", displayName);
        admin().body(body).post("/api/v1/members").then().statusCode(201);
        return slug;
    }

    @Test
    void ratingDetailHasAStrongEtagAndAnswers304WhileUnchanged() {
        String slug = newMember("Cache One");
        Response first = RestAssured.get("/api/v1/ratings/" + slug);
        first.then().statusCode(200).contentType("application/json");
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(first.header("Cache-Control")).contains("max-age=30");
        assertThat(first.jsonPath().getString("displayName")).isEqualTo("Cache One");

        Response again = RestAssured.given().header("If-None-Match", etag).get("/api/v1/ratings/" + slug);
        again.then().statusCode(304);
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(again.asByteArray()).isEmpty();

        RestAssured.given().header("If-None-Match", "\"something-else\"").get("/api/v1/ratings/" + slug)
                .then().statusCode(200);
    }

    @Test
    void aMemberChangeIsVisibleAtOnceWithANewEtag() {
        String slug = newMember("Before");
        String before = RestAssured.get("/api/v1/ratings/" + slug).header("ETag");
        Map<String, Object> body = new java.util.HashMap<>(memberBody(slug, SandboxTestResource.server().authUrl("alpha"), "alpha-secret", false));
        body.put("displayName", "After");
        admin().body(body).put("/api/v1/members/" + slug).then().statusCode(200);

        Response after = RestAssured.get("/api/v1/ratings/" + slug);
        assertThat(after.jsonPath().getString("displayName")).isEqualTo("After");
        assertThat(after.header("ETag")).isNotEqualTo(before);
        assertThat(RestAssured.get("/api/v1/ratings?sort=name&size=500").jsonPath().getList("items.displayName"))
                .contains("After").doesNotContain("Before");
    }

    @Test
    void aRatingPassRefreshesTheView() {
        String slug = newMember("Rated Later");
        assertThat(RestAssured.get("/api/v1/ratings/" + slug).jsonPath().getString("computedAt")).isNull();
        engine.rateAll();
        assertThat(RestAssured.get("/api/v1/ratings/" + slug).jsonPath().getString("computedAt")).isNotNull();
        admin().delete("/api/v1/members/" + slug).then().statusCode(204);
        engine.rateAll();
        assertThat(RestAssured.get("/api/v1/ratings/" + slug).jsonPath().getString("rating")).isEqualTo("WR");
    }

    @Test
    void badgeIsWellFormedSvgWithTheRatingAsTextAndEscapesNames() throws Exception {
        String slug = newMember("Evil <script>alert(1)</script> & Co");
        engine.rateAll();
        Response badge = RestAssured.get("/badges/" + slug + ".svg");
        badge.then().statusCode(200).contentType("image/svg+xml");
        assertThat(badge.header("Cache-Control")).contains("max-age=300");
        String etag = badge.header("ETag");
        assertThat(etag).isNotBlank();

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(badge.asByteArray()));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent())
                .contains("Evil <script>alert(1)</script> & Co").contains(": NR");
        assertThat(svg.getElementsByTagName("text").item(1).getTextContent()).isEqualTo("NR");
        assertThat(badge.asString()).doesNotContain("<script>");

        RestAssured.given().header("If-None-Match", etag).get("/badges/" + slug + ".svg").then().statusCode(304);
    }

    @Test
    void unknownMemberBadgeIsAProblem() {
        RestAssured.get("/badges/no-such-member.svg").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badgeColoursFollowTheBands() {
        assertThat(Badge.colourOf(org.stackratings.rating.Notch.AAA)).isNotEqualTo(Badge.colourOf(org.stackratings.rating.Notch.BA1));
        assertThat(Badge.colourOf(org.stackratings.rating.Notch.BAA3)).isNotEqualTo(Badge.colourOf(org.stackratings.rating.Notch.BA1));
        assertThat(Badge.colourOf(org.stackratings.rating.Notch.C)).isNotEqualTo(Badge.colourOf(org.stackratings.rating.Notch.NR));
        assertThat(Badge.colourOf(org.stackratings.rating.Notch.NR)).isEqualTo(Badge.colourOf(org.stackratings.rating.Notch.WR));
    }
}

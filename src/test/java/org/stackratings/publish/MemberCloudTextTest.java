package org.stackratings.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stackratings.dashboard.DashboardSessions;
import org.stackratings.dashboard.session.SessionCookies;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.Outcome;
import org.stackratings.measurement.RunStatus;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.member.MemberService;
import org.stackratings.rating.RatingEngine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.issueKey;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;
import static org.stackratings.ApiTestSupport.withKey;

/**
 * What a member cloud sent (measurement details, the excerpts and URLs of compliance evidence) reaches the member's
 * provider and admins only: no public endpoint or page shows it. The member's stored data carries markers, and every
 * public view of the member is searched for them.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberCloudTextTest {

    private static final String HOST = "nova.private-endpoint.example";
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String QUERY = "QUERY-MARK";
    private static final String EXCERPT = "<script>alert('EXCERPT-MARK')</script>";
    private static final String DETAIL = "DETAIL-MARK from the cloud";
    private static final List<String> MARKERS = List.of(HOST, PROJECT, QUERY, "EXCERPT-MARK", "DETAIL-MARK");

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;
    @Inject
    MeasurementStore store;
    @Inject
    MemberService members;
    @Inject
    RatingEngine engine;
    @Inject
    ObjectMapper json;

    private String member;
    private String url;

    @BeforeAll
    void memberWithCloudText() throws Exception {
        RestAssured.port = root.getPort(); // Quarkus sets it per test method, after a PER_CLASS @BeforeAll
        member = uniqueSlug("cloudtext");
        Map<String, Object> body = new HashMap<>(memberBody(member, "https://keystone.test/v3", "pw", false));
        body.put("probes", Map.of("api", Map.of("enabled", false, "interval", "PT15M")));
        admin().body(body).post("/api/v1/members").then().statusCode(201);
        long memberId = members.memberId(member).orElseThrow();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(120);

        UUID api = store.startRun(memberId, "api", RunTrigger.MANUAL);
        store.finishRun(api, member, RunStatus.COMPLETED, "an error", List.of(
                new OperationResult("compute.flavors.list", at, 20.0, Outcome.ERROR, 500, "HTTP_ERROR:ServerResponseException",
                        "compute.flavors.list: HTTP 500 " + DETAIL)));

        url = "https://" + HOST + ":8774/v2.1/" + PROJECT + "/servers?limit=-1&x=" + QUERY;
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("call", "GET compute /os-quota-sets/" + PROJECT);
        failed.put("url", url);
        failed.put("status", 200);
        failed.put("expected", "HTTP 400");
        failed.put("problem", "answered HTTP 200");
        failed.put("excerpt", EXCERPT);
        failed.put("durationMs", 12.5);
        Map<String, Object> root = new LinkedHashMap<>(failed);
        root.put("call", "GET compute (root) ");
        root.put("url", "https://" + HOST + ":8774/");
        root.put("expected", "HTTP 200 or 300");
        root.put("problem", null);
        root.put("excerpt", null);
        UUID compliance = store.startRun(memberId, "compliance", RunTrigger.MANUAL);
        store.finishCompliance(compliance, member, "2020.06", "1 fail", List.of(new MeasurementStore.ComplianceRecord(
                "compute-quotas-get", "FAIL", json.writeValueAsString(List.of(root, failed)),
                new OperationResult("compliance.compute-quotas-get", at, 30.0, Outcome.ERROR, 200, "CapabilityFailed",
                        "FAIL: GET compute /os-quota-sets → answered HTTP 200; " + DETAIL))));
        engine.rateAll(Instant.now());
    }

    @Test
    void thePublicComplianceViewShowsTheCallsButNothingTheCloudSent() {
        String answer = RestAssured.get("/api/v1/ratings/" + member + "/compliance").then().statusCode(200)
                .contentType("application/json").extract().asString();
        assertThat(answer).doesNotContain("excerpt").doesNotContain("\"url\"");
        MARKERS.forEach(marker -> assertThat(answer).as("public compliance view").doesNotContain(marker));

        JsonPath view = new JsonPath(answer);
        assertThat(view.getString("summary.failed")).isEqualTo("1");
        Map<String, Object> call = view.getMap("capabilities[0].evidence[1]");
        assertThat(call).containsEntry("call", "GET compute /os-quota-sets/{id}").containsEntry("method", "GET")
                .containsEntry("service", "compute").containsEntry("path", "/os-quota-sets/{id}")
                .containsEntry("urlPath", "/v2.1/{id}/servers").containsEntry("status", 200)
                .containsEntry("expected", "HTTP 400").containsEntry("problem", "answered HTTP 200");
        assertThat(view.getMap("capabilities[0].evidence[0]")).containsEntry("path", "(root)").containsEntry("urlPath", "/");
    }

    @Test
    void theMemberSeesTheWholeEvidence() {
        String provider = issueKey("provider", member);
        for (var request : List.of(withKey(provider), admin())) {
            JsonPath view = request.get("/api/v1/members/" + member + "/compliance").then().statusCode(200).extract().jsonPath();
            Map<String, Object> call = view.getMap("capabilities[0].evidence[1]");
            assertThat(call).containsEntry("call", "GET compute /os-quota-sets/" + PROJECT).containsEntry("url", url)
                    .containsEntry("excerpt", EXCERPT).containsEntry("problem", "answered HTTP 200")
                    .containsEntry("path", "/os-quota-sets/" + PROJECT);
            assertThat(view.getString("capabilities[0].status")).isEqualTo("FAIL");
        }
        String other = issueKey("provider", org.stackratings.ApiTestSupport.createMember("cloudtext-other"));
        withKey(other).get("/api/v1/members/" + member + "/compliance").then().statusCode(403);
        RestAssured.get("/api/v1/members/" + member + "/compliance").then().statusCode(401);
        admin().get("/api/v1/members/no-such-member-xyz/compliance").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theProvidersDashboardShowsTheExcerptEscaped() {
        String html = RestAssured.given().cookie(SessionCookies.NAME, DashboardSessions.session(issueKey("provider", member)))
                .get("/dashboard/" + member).then().statusCode(200).extract().asString();
        assertThat(html).contains("the cloud answered: <code class=\"excerpt\">&lt;script&gt;alert(&#39;EXCERPT-MARK&#39;)&lt;/script&gt;</code>")
                .doesNotContain(EXCERPT);
    }

    @Test
    void noPublicViewOfTheMemberShowsWhatItsCloudSent() {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("rating", RestAssured.get("/api/v1/ratings/" + member).then().statusCode(200).extract().asString());
        views.put("ratings", RestAssured.get("/api/v1/ratings?size=500").then().statusCode(200).extract().asString());
        views.put("actions", RestAssured.get("/api/v1/ratings/" + member + "/actions").then().statusCode(200).extract().asString());
        views.put("compliance", RestAssured.get("/api/v1/ratings/" + member + "/compliance").then().statusCode(200).extract().asString());
        views.put("badge", RestAssured.get("/badges/" + member + ".svg").then().statusCode(200).extract().asString());
        views.put("index", RestAssured.get("/").then().statusCode(200).extract().asString());
        assertThat(views.get("ratings")).contains(member);
        assertThat(views.get("index")).contains(member);
        assertThat(new JsonPath(views.get("rating")).getString("member")).isEqualTo(member);
        assertThat(new JsonPath(views.get("rating")).getString("computedAt")).as("rated").isNotNull();
        views.forEach((name, text) -> MARKERS.forEach(marker ->
                assertThat(text).as("public %s view", name).doesNotContain(marker)));

        // the same text is there for the member: the markers were stored
        assertThat(admin().get("/api/v1/members/" + member + "/measurements").then().statusCode(200).extract().asString())
                .contains("DETAIL-MARK");
    }
}

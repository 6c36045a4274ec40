package org.stackratings.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stackratings.dashboard.session.SessionCookies;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.member.MemberService;
import org.stackratings.rating.RatingEngine;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.stackratings.ApiTestSupport.ADMIN_KEY;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.issueKey;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

/** What a member page shows for a member with 9 days of history (written and rated through the product's path). */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberPageTest {

    private static final Pattern CHART_DATA = Pattern.compile("<script type=\"application/json\" id=\"chart-data\">(.*?)</script>", Pattern.DOTALL);

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;
    @Inject
    DataSource dataSource;
    @Inject
    MeasurementStore store;
    @Inject
    RatingEngine engine;
    @Inject
    MemberService members;

    private String member;
    private String session;
    private Instant end;

    @BeforeAll
    void history() throws Exception {
        RestAssured.port = root.getPort(); // Quarkus sets it per test method, after a PER_CLASS @BeforeAll
        member = uniqueSlug("paged");
        Map<String, Object> body = new HashMap<>(memberBody(member, "https://keystone.test/v3", "pw", false));
        body.put("probes", Map.of("api", Map.of("enabled", false, "interval", "PT15M")));
        admin().body(body).post("/api/v1/members").then().statusCode(201);
        end = Instant.now().minus(Duration.ofMinutes(10));
        new MemberHistory(dataSource, store, engine).write(members.memberId(member).orElseThrow(), member,
                new MemberHistory.Profile(50, 0.01, 30, 0.05, 5), 9, end, Duration.ofHours(3));
    }

    private String session() {
        if (session == null) {
            session = DashboardSessions.session(issueKey("provider", member));
        }
        return session;
    }

    private Response page(String range) {
        return RestAssured.given().cookie(SessionCookies.NAME, session()).get("/dashboard/" + member + "?range=" + range);
    }

    @Test
    void showsTheRatingItsLastActionAndTheFactors() {
        page("7d").then().statusCode(200)
                .body(containsString("id=\"current-rating\""))
                .body(containsString("Last rating action"))
                .body(containsString("Why: "))
                .body(containsString("<th scope=\"row\">availability</th>"))
                .body(containsString("Rating actions in this range"));
    }

    @Test
    void chartsCarryTheHistoryOnTheRangesGrid() {
        JsonPath week = charts(page("7d"));
        assertThat(week.getList("charts.id", String.class)).contains("rating", "factors", "latency-identity-token-issue",
                "latency-compute-flavors-list", "latency-volume-volumes-list", "availability", "boot-success", "time-to-active");
        assertThat(week.getList("notches", String.class)).startsWith("", "Aaa", "Aa1");
        List<Long> x = week.getList("charts.find { it.id == 'latency-compute-flavors-list' }.x", Long.class);
        assertThat(x).hasSizeBetween(168, 169);
        assertThat(x.get(1) - x.get(0)).isEqualTo(3600);
        List<Float> p95 = week.getList("charts.find { it.id == 'latency-compute-flavors-list' }.series[1].values", Float.class);
        assertThat(p95.stream().filter(v -> v != null).count()).as("hours with a p95").isGreaterThan(150);
        assertThat(week.getList("charts.find { it.id == 'rating' }.series.label", String.class))
                .containsExactly("Published rating", "Indicated by the scorecard", "Rating action");

        JsonPath quarter = charts(page("90d"));
        List<Long> days = quarter.getList("charts.find { it.id == 'availability' }.x", Long.class);
        assertThat(days).hasSizeBetween(90, 91);
        assertThat(days.get(1) - days.get(0)).isEqualTo(86_400);
        assertThat(quarter.getList("charts.find { it.id == 'availability' }.series.label", String.class))
                .containsExactly("compute", "identity", "image", "network", "volume");
    }

    @Test
    void availabilityTableFailuresAndLifecycleAreWrittenOut() {
        String html = page("24h").then().statusCode(200).extract().asString();
        assertThat(html).contains("<th scope=\"row\">" + LocalDate.ofInstant(end, ZoneOffset.UTC) + "</th>");
        assertThat(html).containsPattern("<td class=\"(good|fair|poor)\" title=\"\\d+ calls\">\\d+\\.\\d+ %</td>");
        assertThat(html).contains("id=\"failures-table\"").containsPattern("HTTP 503 Service Unavailable|read timeout");
        assertThat(html).containsPattern("\\d+ of \\d+ test servers reached ACTIVE in this range");
    }

    @Test
    void theCsvHoldsTheMeasurementsOfTheChosenDays() {
        LocalDate last = LocalDate.ofInstant(end, ZoneOffset.UTC);
        LocalDate first = last.minusDays(1);
        Response csv = RestAssured.given().cookie(SessionCookies.NAME, session())
                .get("/dashboard/" + member + "/measurements.csv?from=" + first + "&to=" + last);
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(member + "-measurements-" + first + "-to-" + last + ".csv"));
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines.get(0)).startsWith("member,vantage,probe,runId,operation,startedAt");
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int total = RestAssured.given().header("Authorization", "Bearer " + ADMIN_KEY)
                .get("/api/v1/members/" + member + "/measurements?from=" + from + "&to=" + to + "&size=1").path("total");
        assertThat(lines).hasSize(total + 1);
        assertThat(total).isGreaterThan(2 * 96 * 5 / 2);

        RestAssured.given().cookie(SessionCookies.NAME, session())
                .get("/dashboard/" + member + "/measurements.csv?from=" + last + "&to=" + first).then().statusCode(400);
        RestAssured.given().cookie(SessionCookies.NAME, session())
                .get("/dashboard/" + member + "/measurements.csv?from=yesterday").then().statusCode(400);
    }

    @Test
    void theConformanceRunAndTheCertificateAreShownWithTheFailingCapabilities() {
        assertThat(page("7d").asString()).contains("No conformance run yet").contains("No certificate");
        org.stackratings.certification.CertificationFixture.Member certified =
                org.stackratings.certification.CertificationFixture.existing(member);
        org.stackratings.certification.CertificationFixture.passing(certified, Instant.now().minusSeconds(60));
        assertThat(page("7d").asString()).contains("Certificate for guideline 2020.06: <strong>CERTIFIED</strong>")
                .contains("conforms to interop guideline 2020.06, checked by StackRatings")
                .doesNotContain("OpenStack Powered certified");
        org.stackratings.certification.CertificationFixture.failing(certified, Instant.now(), "compute-keypairs-create");
        String html = page("7d").asString();
        assertThat(html).contains("Certificate for guideline 2020.06: <strong>AT_RISK</strong>")
                .contains("failing: <code>compute-keypairs-create</code>")
                .contains("id=\"conformance-table\"").contains("✘ FAIL").contains("POST answered 500");
    }

    @Test
    void assetsAreServedByTheApplication() {
        RestAssured.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").then().statusCode(200);
        RestAssured.get("/webjars/uplot/1.6.30/dist/uPlot.min.css").then().statusCode(200);
        RestAssured.get("/assets/dashboard.js").then().statusCode(200);
        RestAssured.get("/assets/site.css").then().statusCode(200);
        String html = page("7d").asString();
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    private static JsonPath charts(Response page) {
        page.then().statusCode(200);
        Matcher m = CHART_DATA.matcher(page.asString());
        assertThat(m.find()).isTrue();
        return new JsonPath(m.group(1));
    }
}

package org.stackratings.dashboard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stackratings.dashboard.session.CsrfTokens;
import org.stackratings.dashboard.session.SessionCookies;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.member.MemberService;
import org.stackratings.rating.RatingEngine;
import org.stackratings.sandbox.SandboxTestResource;

import javax.sql.DataSource;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stackratings.ApiTestSupport.ADMIN_KEY;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.issueKey;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

/**
 * The dashboard in a real browser (headless Chromium), against the running application with sandbox data: a member
 * of the test sandbox with {@value #DEFAULT_DAYS} days of history written through the product's storing path
 * ({@link MemberHistory}; {@code -Ddashboard.history.days=90} for more), plus live api, compliance and lifecycle runs
 * started through the API. Screenshots go to target/screenshots (or {@code -Ddashboard.screenshots=docs/images}).
 * Needs the Debian packages chromium and chromium-driver; tagged "browser", which the default build skips.
 */
@QuarkusTest
@WithTestResource(SandboxTestResource.class)
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    static final int DEFAULT_DAYS = 10;
    static final List<String> CHARTS = List.of("rating", "factors", "latency-identity-token-issue",
            "latency-compute-flavors-list", "availability", "boot-success", "time-to-active");

    @TestHTTPResource("/")
    URL root;
    @Inject
    DataSource dataSource;
    @Inject
    MeasurementStore store;
    @Inject
    RatingEngine engine;
    @Inject
    MemberService members;

    private HeadlessChromium browser;
    private String base;
    private String member;
    private String other;
    private String providerKey;
    private final Path screenshots = Path.of(System.getProperty("dashboard.screenshots", "target/screenshots"));

    @BeforeAll
    void prepare() throws Exception {
        base = root.toString().replace("localhost", "127.0.0.1").replaceAll("/$", "");
        RestAssured.port = root.getPort(); // Quarkus sets it per test method, after a PER_CLASS @BeforeAll
        member = uniqueSlug("aurora");
        other = uniqueSlug("borealis");
        onboard(member, "Aurora Cloud");
        onboard(other, "Borealis Cloud");
        int days = Integer.getInteger("dashboard.history.days", DEFAULT_DAYS);
        MemberHistory history = new MemberHistory(dataSource, store, engine);
        Instant end = Instant.now().minus(Duration.ofMinutes(20));
        history.write(List.of(
                new MemberHistory.Target(members.memberId(member).orElseThrow(), member, new MemberHistory.Profile(38, 0.002, 32, 0.02, 42)),
                new MemberHistory.Target(members.memberId(other).orElseThrow(), other, new MemberHistory.Profile(140, 0.03, 75, 0.1, 7))),
                days, end, Duration.ofHours(1));
        // live runs against the sandbox, started the way an admin does
        admin().body("{}").post("/api/v1/members/" + member + "/probe-runs").then().statusCode(201);
        admin().body(Map.of("probe", "compliance")).post("/api/v1/members/" + member + "/probe-runs").then().statusCode(201);
        String lifecycle = admin().body(Map.of("probe", "lifecycle")).post("/api/v1/members/" + member + "/probe-runs")
                .then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(30)).until(() -> !"RUNNING".equals(admin().get(lifecycle).path("status")));
        engine.rateAll();
        providerKey = issueKey("provider", member);
        browser = new HeadlessChromium();
    }

    @AfterAll
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void freshBrowserSession() {
        browser.driver.manage().deleteAllCookies();
        browser.width(1280, 1000);
    }

    @Test
    void theIndexListsTheMembersWithoutLogin() throws Exception {
        browser.driver.get(base + "/");
        String table = browser.driver.findElement(By.id("members")).getText();
        assertThat(table).contains(member).contains(other).contains("Aurora Cloud");
        browser.screenshot(screenshots.resolve("index.png"));
    }

    @Test
    void aWrongKeyIsRefused() {
        browser.driver.get(base + "/dashboard/" + member);
        assertThat(browser.driver.getCurrentUrl()).contains("/login?next=");
        browser.driver.findElement(By.id("key")).sendKeys("sr_0123456789abcdef_" + "0".repeat(64));
        clickAndWaitForNextPage(By.id("login-submit"));
        assertThat(browser.driver.findElement(By.id("login-error")).getText()).contains("unknown, expired or revoked");
        assertThat(browser.driver.manage().getCookieNamed(SessionCookies.NAME)).isNull();
    }

    @Test
    void theProvidersPageDrawsEveryChartWithData() throws Exception {
        login(providerKey);
        assertThat(browser.driver.getCurrentUrl()).as(browser.driver.findElement(By.tagName("main")).getText())
                .endsWith("/dashboard/" + member);
        assertThat(browser.driver.findElement(By.id("current-rating")).getText()).isNotBlank();
        // Chromium keeps the __Host- cookies, Secure though the page is http://127.0.0.1 (a potentially trustworthy origin)
        org.openqa.selenium.Cookie session = browser.driver.manage().getCookieNamed(SessionCookies.NAME);
        assertThat(session).as("the session cookie Chromium kept").isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getPath()).isEqualTo("/");
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(browser.driver.manage().getCookieNamed(CsrfTokens.COOKIE)).as("the CSRF cookie Chromium kept").isNotNull();
        waitForCharts();
        for (String chart : CHARTS) {
            Map<String, Object> shape = chartShape(chart);
            assertThat(((Number) shape.get("points")).intValue()).as("x values of %s", chart).isPositive();
            assertThat(((Number) shape.get("values")).intValue()).as("non-null values of %s", chart).isPositive();
            assertThat(((Number) shape.get("canvases")).intValue()).as("canvas of %s", chart).isPositive();
        }
        assertThat(browser.driver.findElement(By.id("actions")).getText()).containsIgnoringCase("Rating actions in this range");
        assertThat(browser.driver.findElement(By.id("compliance-table")).getText()).contains("PASS");
        assertThat(browser.driver.findElement(By.id("availability-table")).getText()).contains("%");
        browser.screenshot(screenshots.resolve("member-page.png"));
        Files.write(screenshots.resolve("member-page-top.png"), browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

        // the range selector
        clickAndWaitForNextPage(By.id("range-90d"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("?range=90d");
        assertThat(browser.driver.findElement(By.id("range-90d")).getAttribute("aria-current")).isEqualTo("page");
        waitForCharts();
        assertThat(((Number) chartShape("availability").get("points")).intValue()).isGreaterThanOrEqualTo(90);
        browser.driver.executeScript("document.getElementById('rating-history').scrollIntoView()");
        Files.write(screenshots.resolve("member-page-charts.png"), browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    @Test
    void thePageFitsAPhone() throws Exception {
        login(providerKey);
        browser.width(390, 900);
        browser.driver.navigate().refresh();
        waitForCharts();
        Number overflow = (Number) browser.driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("horizontal overflow at phone width").isLessThanOrEqualTo(0);
        Number chartWidth = (Number) browser.driver.executeScript(
                "return window.stackratingsCharts['rating'].width");
        assertThat(chartWidth.intValue()).isLessThanOrEqualTo(390);
        browser.screenshot(screenshots.resolve("member-page-phone.png"));
    }

    @Test
    void anotherMembersPageIsRefused() {
        login(providerKey);
        browser.driver.get(base + "/dashboard/" + other);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Not your member");
        assertThat(browser.driver.findElement(By.cssSelector("p.status")).getText()).isEqualTo("HTTP 403");
    }

    @Test
    void anAdminSeesEveryMember() {
        login(ADMIN_KEY);
        for (String slug : List.of(member, other)) {
            browser.driver.get(base + "/dashboard/" + slug);
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains(slug);
        }
        clickAndWaitForNextPage(By.id("logout-link"));
        clickAndWaitForNextPage(By.id("logout-submit"));
        assertThat(browser.driver.getCurrentUrl()).contains("/login?logged-out");
        browser.driver.get(base + "/dashboard/" + other);
        assertThat(browser.driver.getCurrentUrl()).contains("/login?next=");
    }

    @Test
    void theCsvDownloadHoldsTheMeasurementsOfThePeriod() throws Exception {
        login(providerKey);
        LocalDate last = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = last.minusDays(1);
        setDate("csv-from", first);
        setDate("csv-to", last);
        browser.driver.findElement(By.id("csv-submit")).click();
        Path file = await().atMost(Duration.ofSeconds(20)).until(this::downloadedCsv, p -> p != null);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("member,vantage,probe,runId,operation,startedAt");
        List<Map<String, String>> rows;
        try (var it = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                .readerForMapOf(String.class).with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(file.toFile())) {
            rows = it.readAll();
        }
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int expected = RestAssured.given().header("Authorization", "Bearer " + ADMIN_KEY)
                .get("/api/v1/members/" + member + "/measurements?from=" + from + "&to=" + to + "&size=1")
                .then().statusCode(200).extract().path("total");
        assertThat(rows).hasSize(expected).isNotEmpty();
        for (Map<String, String> row : rows) {
            assertThat(row.get("member")).isEqualTo(member);
            assertThat(Instant.parse(row.get("startedAt"))).isBetween(from, to.minusNanos(1));
        }
    }

    private void login(String key) {
        browser.driver.get(base + "/login");
        browser.driver.findElement(By.id("key")).sendKeys(key);
        clickAndWaitForNextPage(By.id("login-submit"));
    }

    /**
     * Clicks an element that leads to another page and waits until the old document is gone: a click does not wait
     * for the navigation it starts, so reading the next page straight after it races with the old one.
     */
    private void clickAndWaitForNextPage(By target) {
        WebElement oldPage = browser.driver.findElement(By.tagName("html"));
        browser.driver.findElement(target).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(oldPage));
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private void waitForCharts() {
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return !!window.stackratingsCharts && Object.keys(window.stackratingsCharts).length > 0")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> chartShape(String id) {
        return (Map<String, Object>) browser.driver.executeScript("""
                var u = window.stackratingsCharts[arguments[0]];
                if (!u) { return {points: 0, values: 0, canvases: 0}; }
                var values = 0;
                for (var s = 1; s < u.data.length; s++) {
                  values += u.data[s].filter(function (v) { return v !== null && v !== undefined; }).length;
                }
                return {points: u.data[0].length, values: values,
                        canvases: document.querySelectorAll('#chart-' + arguments[0] + ' canvas').length};
                """, id);
    }

    private void setDate(String id, LocalDate date) {
        WebElement input = browser.driver.findElement(By.id(id));
        browser.driver.executeScript("arguments[0].value = arguments[1]", input, date.toString());
    }

    private Path downloadedCsv() throws Exception {
        try (Stream<Path> files = Files.list(browser.downloads)) {
            return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
        }
    }

    private void onboard(String slug, String name) {
        Map<String, Object> body = new HashMap<>(memberBody(slug, SandboxTestResource.server().authUrl("alpha"), "alpha-secret", false));
        body.put("displayName", name);
        body.put("probes", Map.of("api", Map.of("enabled", false, "interval", "PT15M")));
        admin().body(body).post("/api/v1/members").then().statusCode(201);
    }
}

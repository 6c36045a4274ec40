package org.stackratings.dashboard;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.member.MemberService;
import org.stackratings.rating.RatingEngine;

import javax.sql.DataSource;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.ApiTestSupport.ADMIN_KEY;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

/**
 * Benchmark, not a test (tag "benchmark"): how long a member page takes with 90 days of data. Writes the history of
 * one member ({@link MemberHistory}: api runs every 15 minutes, lifecycle runs every 2 hours, rated every hour, so
 * 90 days hold 2,160 score rows and about 15,000 hourly rollup rows), then times the page for each range: the
 * server's answer (HTML, from the first byte sent to the last received; 5 warm-up requests, then the median and the
 * maximum of 15) and, when Chromium is installed, the whole page load in the browser (navigation to the load event,
 * which comes after uPlot has drawn every chart; median of 5). Asserts correctness only; writes
 * target/benchmarks/dashboard.md.
 */
@QuarkusTest
@Tag("benchmark")
class DashboardPageBenchmark {

    private static final int DAYS = Integer.getInteger("benchmark.days", 90);

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

    @Test
    void memberPageWith90DaysOfData() throws Exception {
        String slug = uniqueSlug("bench");
        Map<String, Object> body = new HashMap<>(memberBody(slug, "https://keystone.test/v3", "pw", false));
        body.put("probes", Map.of("api", Map.of("enabled", false, "interval", "PT15M")));
        admin().body(body).post("/api/v1/members").then().statusCode(201);
        long t0 = System.nanoTime();
        int runs = new MemberHistory(dataSource, store, engine).write(members.memberId(slug).orElseThrow(), slug,
                new MemberHistory.Profile(40, 0.003, 35, 0.02, 3), DAYS, Instant.now().minus(Duration.ofMinutes(5)),
                Duration.ofHours(1));
        double generated = (System.nanoTime() - t0) / 1e9;

        StringBuilder report = new StringBuilder("# Dashboard page load\n\n")
                .append(String.format("%d days of history for one member: %d probe runs written and rated hourly in %.0f s; %d CPUs%n%n",
                        DAYS, runs, generated, Runtime.getRuntime().availableProcessors()))
                .append("| range | HTML bytes | server median (ms) | server max (ms) | browser load median (ms) |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        boolean chromium = Files.isExecutable(Path.of(HeadlessChromium.BINARY)) && Files.isExecutable(Path.of(HeadlessChromium.DRIVER));
        try (HeadlessChromium browser = chromium ? new HeadlessChromium() : null) {
            String base = root.toString().replace("localhost", "127.0.0.1").replaceAll("/$", "");
            if (browser != null) {
                browser.driver.get(base + "/login");
                browser.driver.findElement(By.id("key")).sendKeys(ADMIN_KEY);
                browser.driver.findElement(By.id("login-submit")).click();
                new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/login"));
            }
            for (String range : List.of("24h", "7d", "30d", "90d")) {
                String path = "/dashboard/" + slug + "?range=" + range;
                Response page = null;
                for (int i = 0; i < 5; i++) {
                    page = RestAssured.given().header("Authorization", "Bearer " + ADMIN_KEY).get(path);
                    page.then().statusCode(200);
                }
                assertThat(page.asString()).contains("id=\"chart-data\"");
                List<Long> server = new ArrayList<>();
                for (int i = 0; i < 15; i++) {
                    long s = System.nanoTime();
                    RestAssured.given().header("Authorization", "Bearer " + ADMIN_KEY).get(path).then().statusCode(200);
                    server.add((System.nanoTime() - s) / 1_000_000);
                }
                Collections.sort(server);
                String load = "—";
                if (browser != null) {
                    List<Long> loads = new ArrayList<>();
                    for (int i = 0; i < 6; i++) {
                        browser.driver.get(base + path);
                        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                                browser.driver.executeScript("return document.readyState === 'complete' && !!window.stackratingsCharts")));
                        Number ms = (Number) browser.driver.executeScript(
                                "var n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime");
                        if (i > 0) {
                            loads.add(Math.round(ms.doubleValue()));
                        }
                    }
                    Collections.sort(loads);
                    load = String.valueOf(loads.get(loads.size() / 2));
                }
                report.append(String.format("| %s | %,d | %d | %d | %s |%n", range, page.asString().length(),
                        server.get(server.size() / 2), server.get(server.size() - 1), load));
            }
        }
        Path out = Path.of("target/benchmarks/dashboard.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }
}

package org.stackratings.deploy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackratings.agency.MeterRefresh;
import org.stackratings.certification.CertificationFixture;
import org.stackratings.sandbox.SandboxTestResource;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

/**
 * Every metric the Grafana dashboard and the alert rules of deploy/ read is one the application exports on its
 * management port, once a member has been probed (scheduled and manual runs) and certified.
 */
@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class ExportedMetricsTest {

    /** Series Prometheus makes itself for every scrape target. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @Inject
    MeterRefresh refresh;

    private static String slug;
    private static Instant activityStart;

    @BeforeAll
    static void useTheFiles() {
        assertThat(MonitoringFiles.DASHBOARD).exists();
        assertThat(MonitoringFiles.ALERTS).exists();
    }

    @Test
    void exportsEveryMetricTheDashboardAndTheAlertsUse() {
        String scrape = scrapeAfterActivity();
        Set<String> exported = exportedNames(scrape);
        Map<String, Set<String>> used = MonitoringFiles.metricsUsed();
        assertThat(used).as("metrics used by deploy/").containsKeys("stackratings_rating_not_rated", "jvm_memory_used_bytes");

        Map<String, Set<String>> missing = new TreeMap<>(used);
        missing.keySet().removeAll(exported);
        missing.keySet().removeAll(PROMETHEUS_OWN);
        assertThat(missing).as("metrics the dashboard or the alert rules use (with where) that the application does not export")
                .isEmpty();
    }

    @Test
    void theNewGaugesCarryTheMemberAndItsCertificate() {
        String scrape = scrapeAfterActivity();
        // what /q/health/ready says at the refresh (other tests of the same application may have left a check DOWN)
        int readiness = RestAssured.get(ready).statusCode();
        assertThat(readiness).isIn(200, 503);
        assertThat(value(scrape, "stackratings_agency_ready")).isEqualTo(readiness == 200 ? 1.0 : 0.0);
        assertThat(scrape)
                .contains("stackratings_rating_not_rated{member=\"" + slug + "\"} 1.0") // no history yet: NR
                .contains("stackratings_rating_notch{member=\"" + slug + "\"} 0.0")
                .contains("stackratings_certification_status{guideline=\"" + CertificationFixture.GUIDELINE + "\",member=\""
                        + slug + "\",status=\"CERTIFIED\",target=\"" + CertificationFixture.TARGET + "\"} 1.0")
                .contains("stackratings_webhook_attempts_total{outcome=\"delivered\"}")
                .contains("stackratings_probe_schedule_missed_total{probe=\"conformance\",reason=\"misfired\"} 0.0");
        double lapses = value(scrape, "stackratings_certification_lapses_at_timestamp_seconds{guideline=\""
                + CertificationFixture.GUIDELINE + "\",member=\"" + slug + "\",target=\"" + CertificationFixture.TARGET + "\"}");
        assertThat(lapses).as("a certificate issued now lapses after its validity").isGreaterThan(
                Instant.now().plus(Duration.ofDays(1)).getEpochSecond());
        double newest = value(scrape, "stackratings_measurement_newest_timestamp_seconds");
        // other tests of the same application may store measurements dated later (a settable clock): a lower bound
        assertThat(newest).as("at least the start of this class's own runs").isGreaterThanOrEqualTo(activityStart.getEpochSecond() - 1.0);
    }

    /** Onboards two probed members (once per class), one run by hand and certified, one scheduled; refreshes the gauges. */
    private String scrapeAfterActivity() {
        synchronized (ExportedMetricsTest.class) {
            if (slug == null) {
                activityStart = Instant.now();
                // one member probed by hand (its schedule off) and certified, one on a schedule (lateness): a manual
                // run at the same moment as a member's very first scheduled one can collide on its service_presence
                // rows (reported to the lead), so no member gets both
                String member = uniqueSlug("monitored");
                admin().body(memberBody(member, SandboxTestResource.server().authUrl("alpha"), "alpha-secret", false))
                        .post("/api/v1/members").then().statusCode(201);
                admin().body("{}").post("/api/v1/members/" + member + "/probe-runs").then().statusCode(201);
                CertificationFixture.passing(CertificationFixture.existing(member), Instant.now());

                String scheduled = uniqueSlug("scheduled");
                Map<String, Object> body = new HashMap<>(memberBody(scheduled, SandboxTestResource.server().authUrl("alpha"),
                        "alpha-secret", true));
                body.put("probes", Map.of("api", Map.of("enabled", true, "interval", "PT10S")));
                admin().body(body).post("/api/v1/members").then().statusCode(201);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(RestAssured.get(metrics).asString())
                        .contains("stackratings_probe_schedule_lateness_seconds_count{probe=\"api\"}")
                        .contains("stackratings_probe_operation_outcomes_total{member=\"" + scheduled + "\""));
                slug = member;
            }
        }
        refresh.refreshNow();
        return RestAssured.get(metrics).then().statusCode(200).extract().asString();
    }

    /** The names of the exposition's samples (the text before the labels or the value). */
    static Set<String> exportedNames(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    private static double value(String exposition, String name) {
        return exposition.lines().filter(l -> l.startsWith(name + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(name.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(name + " is not exported"));
    }
}

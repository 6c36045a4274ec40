package org.stackratings.probe;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.stackratings.sandbox.SandboxTestResource;

import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class ProbeSchedulingTest {

    @Inject
    Scheduler quartz;

    /** Metrics and health are served on the management interface's port only (docs/configuration.md). */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @Test
    void schedulesAnActiveMemberInTheJdbcStoreAndStopsWhenItIsWithdrawn() throws SchedulerException {
        assertThat(quartz.getMetaData().isJobStoreSupportsPersistence()).isTrue();
        assertThat(quartz.getMetaData().isJobStoreClustered()).isTrue();

        String slug = uniqueSlug("scheduled");
        Map<String, Object> member = new HashMap<>(memberBody(slug, SandboxTestResource.server().authUrl("alpha"), "alpha-secret", true));
        member.put("probes", Map.of("api", Map.of("enabled", true, "interval", "PT10S")));
        admin().body(member).post("/api/v1/members").then().statusCode(201);
        assertThat(quartz.checkExists(JobKey.jobKey(slug, ProbeScheduler.GROUP))).isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> outcomes = admin().get("/api/v1/members/" + slug + "/measurements").jsonPath().getList("items.outcome");
            assertThat(outcomes).hasSizeGreaterThanOrEqualTo(5).containsOnly("OK");
        });

        RestAssured.get(metrics).then().statusCode(200)
                .body(containsString("stackratings_probe_operation_duration_seconds_count{member=\"" + slug + "\""))
                .body(containsString("stackratings_probe_operation_outcomes_total{member=\"" + slug + "\""))
                .body(containsString("stackratings_probe_schedule_lateness_seconds_bucket{probe=\"api\",le=\"2.0\"}"))
                .body(containsString("stackratings_probe_schedule_lateness_seconds{probe=\"api\",quantile=\"0.99\"}"));

        admin().delete("/api/v1/members/" + slug).then().statusCode(204);
        assertThat(quartz.checkExists(JobKey.jobKey(slug, ProbeScheduler.GROUP))).isFalse();
    }

    @Test
    void reportsDatabaseAndSchedulerHealth() {
        RestAssured.get(ready).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems("probe-scheduler", "Database connections health check"));
    }

    @Test
    void theManagementPortIsNotThePublicPort() {
        assertThat(metrics.getPort()).isPositive().isNotEqualTo(RestAssured.port);
        assertThat(metrics.getPath()).isEqualTo("/q/metrics");
        assertThat(ready.getPath()).isEqualTo("/q/health/ready");
    }

    @Test
    void thePublicPortAnswersMetricsAndHealthWithNotFound() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live")) {
            RestAssured.given().accept("*/*").get(path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:stackratings:problem:not-found"))
                    .body(org.hamcrest.Matchers.not(containsString("stackratings_probe")));
        }
    }

    @Test
    void theSwaggerUiStaysOnThePublicPort() {
        RestAssured.given().redirects().follow(true).get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("swagger-ui"));
    }

    @Test
    void publishesTheOpenApiDocument() {
        RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/ratings/{member}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/members/{member}/probe-runs"));
    }
}

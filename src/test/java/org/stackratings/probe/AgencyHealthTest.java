package org.stackratings.probe;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;
import org.stackratings.sandbox.SandboxTestResource;

import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

/**
 * The agency notices when it is broken: a scheduler in standby (no probe run stored), a rating engine whose job no
 * longer fires, and dead measurement writers each turn liveness and readiness DOWN with the reason, and back UP when
 * they work again. The writers are killed last: that cannot be undone in this application.
 */
@QuarkusTest
@TestProfile(StallingAgencyProfile.class)
@WithTestResource(SandboxTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgencyHealthTest {

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @Inject
    Scheduler quartz;

    private static final String RATING_ENGINE = "rating-engine";
    private static String slug;

    private JsonPath health(URL url) {
        return RestAssured.get(url).then().extract().jsonPath();
    }

    private String status(URL url, String check) {
        return health(url).getString("checks.find { it.name == '" + check + "' }.status");
    }

    private String reason(URL url, String check) {
        return health(url).getString("checks.find { it.name == '" + check + "' }.data.reason");
    }

    private void probedMemberExists() {
        if (slug != null) {
            return;
        }
        slug = uniqueSlug("health");
        Map<String, Object> member = new HashMap<>(memberBody(slug, SandboxTestResource.server().authUrl("alpha"), "alpha-secret", true));
        member.put("probes", Map.of("api", Map.of("enabled", true, "interval", "PT10S")));
        admin().body(member).post("/api/v1/members").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> admin().get("/api/v1/members/" + slug + "/measurements")
                .jsonPath().getInt("total") > 0);
    }

    @Test
    @Order(1)
    void aSchedulerInStandbyStoresNothingAndIsDownUntilItRunsAgain() throws Exception {
        probedMemberExists();
        quartz.standby();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(status(live, SchedulerHealthCheck.NAME)).isEqualTo("DOWN");
                assertThat(status(ready, ProbingHealthCheck.NAME)).isEqualTo("DOWN");
            });
            assertThat(reason(live, SchedulerHealthCheck.NAME)).contains("not running");
            assertThat(reason(ready, ProbingHealthCheck.NAME)).contains("no measurement was stored since");
            RestAssured.get(live).then().statusCode(503);
            RestAssured.get(ready).then().statusCode(503);
        } finally {
            quartz.start();
        }
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            assertThat(status(live, SchedulerHealthCheck.NAME)).isEqualTo("UP");
            assertThat(status(live, ProbingHealthCheck.NAME)).isEqualTo("UP");
        });
    }

    @Test
    @Order(2)
    void aRatingEngineWhoseJobNoLongerFiresIsDown() throws Exception {
        probedMemberExists();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status(ready, RATING_ENGINE)).isEqualTo("UP"));
        Set<JobKey> jobs = quartz.getJobKeys(GroupMatcher.anyJobGroup());
        JobKey engine = jobs.stream().filter(k -> k.getName().equals("rating-engine")).findFirst().orElseThrow();
        quartz.pauseJob(engine);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(status(live, RATING_ENGINE)).isEqualTo("DOWN"));
            assertThat(reason(live, RATING_ENGINE)).contains("no member was rated since");
        } finally {
            quartz.resumeJob(engine);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status(live, RATING_ENGINE)).isEqualTo("UP"));
    }

    @Test
    @Order(3)
    void deadMeasurementWritersAreDownAndRunsAreStillStoredByTheirCallers() {
        probedMemberExists();
        assertThat(status(live, "measurement-writers")).isEqualTo("UP");
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("measurement-writer-"))
                .forEach(Thread::interrupt);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status(live, "measurement-writers")).isEqualTo("DOWN"));
        assertThat(reason(ready, "measurement-writers")).contains("measurement-writer-1 died: interrupted");

        JsonPath run = SandboxMembersFixture.runProbe(slug).jsonPath();
        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(run.getList("measurements.outcome", String.class)).hasSize(5).containsOnly("OK");
    }

}

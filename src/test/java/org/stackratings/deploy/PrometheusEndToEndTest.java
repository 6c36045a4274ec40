package org.stackratings.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stackratings.agency.MeterRefresh;
import org.stackratings.sandbox.SandboxTestResource;
import org.stackratings.sandbox.profile.CloudProfile;

import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

/**
 * A real Prometheus (Debian's {@code prometheus} binary; scripts/check-prometheus-rules.sh installs it) scrapes this
 * test application with deploy/prometheus's scrape settings and evaluates deploy/prometheus/alerts.yml, every
 * {@code for} shortened to 0 s: a member whose cloud answers every call with a 500 makes
 * StackRatingsMemberProbesFailing fire for that member, and no rule has an evaluation error. Group {@code prometheus}
 * (CI: {@code -Dsurefire.excludedGroups= -Dgroups=prometheus}, after scripts/check-prometheus-rules.sh).
 */
@Tag("prometheus")
@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class PrometheusEndToEndTest {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    MeterRefresh refresh;

    @TempDir
    Path dir;

    private Process prometheus;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    @Test
    void aFailingMemberFiresItsAlertAndNoRuleFails() throws Exception {
        assertThat(PROMETHEUS).as("Debian's prometheus package: run scripts/check-prometheus-rules.sh once").isExecutable();
        String cloud = uniqueSlug("broken");
        SandboxTestResource.server().putCloud(CloudProfile.basic(cloud, "pw").withErrors(1.0, 500));
        String member = uniqueSlug("failing");
        admin().body(memberBody(member, SandboxTestResource.server().authUrl(cloud), "pw", false))
                .post("/api/v1/members").then().statusCode(201);
        admin().body("{}").post("/api/v1/members/" + member + "/probe-runs").then().statusCode(201);

        URI api = start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            // more runs while Prometheus scrapes, so that rate() over the scrapes sees the failures grow
            admin().body("{}").post("/api/v1/members/" + member + "/probe-runs").then().statusCode(201);
            refresh.refreshNow();
            List<String> firing = new ArrayList<>();
            for (JsonNode alert : get(api.resolve("/api/v1/alerts")).path("data").path("alerts")) {
                if ("firing".equals(alert.path("state").asText())) {
                    firing.add(alert.path("labels").path("alertname").asText() + "/" + alert.path("labels").path("member").asText());
                }
            }
            assertThat(firing).contains("StackRatingsMemberProbesFailing/" + member);
        });

        List<String> rules = new ArrayList<>();
        for (JsonNode group : get(api.resolve("/api/v1/rules")).path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.add(rule.path("name").asText() + " " + rule.path("health").asText() + " " + rule.path("lastError").asText());
            }
        }
        assertThat(rules).hasSize(MonitoringFiles.alertExpressions().size())
                .allSatisfy(rule -> assertThat(rule).as("rule health").endsWith(" ok "));
        JsonNode targets = get(api.resolve("/api/v1/targets")).path("data").path("activeTargets");
        assertThat(targets.get(0).path("health").asText()).isEqualTo("up");
    }

    /** Starts Prometheus on a free port with deploy/'s rules and a 1 s scrape of this application; returns its URL. */
    private URI start() throws IOException {
        String rules = Files.readString(MonitoringFiles.ALERTS).replaceAll("(?m)^(\\s+)for: \\S+$", "$1for: 0s");
        Files.writeString(dir.resolve("alerts.yml"), rules);
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - alerts.yml
                scrape_configs:
                  - job_name: stackratings
                    metrics_path: %s
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(metrics.getPath(), metrics.getPort()));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        URI api = URI.create("http://127.0.0.1:" + port);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(api.resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return api;
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}

package org.stackratings.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files of deploy/ that no engine runs here: compose.yaml (read as YAML, its services, mounts and secrets), the
 * Grafana provisioning, the dashboard's data source variable, the scrape targets and the env file examples.
 */
class DeployFilesTest {

    private static final Path DEPLOY = MonitoringFiles.DEPLOY;
    private static final String IMAGE = "stackratings:0.1.0-SNAPSHOT";
    private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|PASSWORD|SECRET|TOKEN).*");

    private final JsonNode compose = MonitoringFiles.yaml(DEPLOY.resolve("compose.yaml"));

    @Test
    void composeRunsTwoInstancesOnOnePostgresWithPrometheusGrafanaAndAnOptionalSandbox() {
        JsonNode services = compose.path("services");
        assertThat(names(services)).containsExactlyInAnyOrder("postgres", "stackratings-1", "stackratings-2",
                "stackratings-demo", "prometheus", "grafana");
        assertThat(services.path("postgres").path("image").asText()).endsWith("postgres:15");
        for (String instance : List.of("stackratings-1", "stackratings-2", "stackratings-demo")) {
            JsonNode service = services.path(instance);
            assertThat(service.path("image").asText()).as(instance).isEqualTo(IMAGE);
            assertThat(service.path("env_file").asText()).as(instance).isEqualTo("stackratings.env");
            assertThat(service.path("environment").path("STACKRATINGS_DB_URL").asText()).as(instance)
                    .startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(service.path("ports").toString()).as("%s publishes no management port", instance).doesNotContain("9000");
        }
        assertThat(services.path("stackratings-1").has("profiles")).isFalse();
        assertThat(services.path("stackratings-demo").path("profiles").toString()).isEqualTo("[\"sandbox\"]");
        assertThat(services.path("stackratings-demo").path("environment").path("STACKRATINGS_SANDBOX_ENABLED").asText())
                .isEqualTo("true");
    }

    @Test
    void composeHoldsNoSecretValueAndMountsFilesThatExist() {
        List<String> mounted = new ArrayList<>();
        compose.path("services").properties().forEach(service -> {
            service.getValue().path("environment").properties().forEach(variable -> assertThat(variable.getKey())
                    .as("%s: secrets come from env files, not compose.yaml", service.getKey())
                    .doesNotMatch(SECRET_NAME));
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith("./")) {
                    mounted.add(source);
                }
            }
            String envFile = service.getValue().path("env_file").asText();
            if (!envFile.isEmpty()) {
                assertThat(DEPLOY.resolve(envFile + ".example")).as("example of %s", envFile).exists();
            }
        });
        assertThat(mounted).contains("./prometheus/prometheus.yml", "./prometheus/alerts.yml", "./grafana/provisioning",
                "./grafana/stackratings-dashboard.json");
        mounted.forEach(source -> assertThat(DEPLOY.resolve(source)).as("mounted %s", source).exists());
    }

    @Test
    void envExamplesHoldPlaceholdersOnly() throws IOException {
        for (Path example : List.of(DEPLOY.resolve("stackratings.env.example"), DEPLOY.resolve("postgres.env.example"),
                DEPLOY.resolve("grafana.env.example"), DEPLOY.resolve("systemd/stackratings.env.example"))) {
            Properties values = new Properties();
            try (var reader = Files.newBufferedReader(example)) {
                values.load(reader);
            }
            assertThat(values).as(example.toString()).isNotEmpty();
            values.forEach((name, value) -> {
                if (SECRET_NAME.matcher(name.toString()).matches()) {
                    assertThat(value.toString()).as("%s in %s", name, example).startsWith("replace-with-");
                }
            });
        }
    }

    @Test
    void prometheusScrapesEachComposeInstanceOnItsManagementPort() {
        JsonNode config = MonitoringFiles.yaml(DEPLOY.resolve("prometheus/prometheus.yml"));
        Set<String> targets = new TreeSet<>();
        for (JsonNode job : config.path("scrape_configs")) {
            assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
            job.path("static_configs").forEach(s -> s.path("targets").forEach(t -> targets.add(t.asText())));
        }
        assertThat(targets).containsExactlyInAnyOrder("stackratings-1:9000", "stackratings-2:9000", "stackratings-demo:9000");
    }

    @Test
    void grafanaIsProvisionedWithPrometheusAndTheDashboardWhichPicksItsDataSource() {
        JsonNode datasources = MonitoringFiles.yaml(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasources.path("datasources").get(0).path("url").asText()).isEqualTo("http://prometheus:9090");
        JsonNode dashboards = MonitoringFiles.yaml(DEPLOY.resolve("grafana/provisioning/dashboards/stackratings.yml"));
        assertThat(dashboards.path("providers").get(0).path("options").path("path").asText())
                .isEqualTo("/var/lib/grafana/dashboards");

        JsonNode dashboard = MonitoringFiles.dashboard();
        List<String> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("type").asText() + ":" + v.path("name").asText()));
        assertThat(variables).contains("datasource:datasource");
        List<String> panelSources = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            if (!"row".equals(p.path("type").asText())) {
                panelSources.add(p.path("title").asText() + " " + p.path("datasource").path("uid").asText());
            }
        });
        assertThat(panelSources).isNotEmpty().allSatisfy(s -> assertThat(s).endsWith(" ${datasource}"));
        assertThat(MonitoringFiles.dashboardQueries()).hasSizeGreaterThan(20);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

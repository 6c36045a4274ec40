package org.stackratings.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The PromQL of deploy/: the Grafana dashboard's queries and the alert rules' expressions, with where each is. */
final class MonitoringFiles {

    static final Path DEPLOY = Path.of("deploy");
    static final Path DASHBOARD = DEPLOY.resolve("grafana/stackratings-dashboard.json");
    static final Path ALERTS = DEPLOY.resolve("prometheus/alerts.yml");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One expression and where it is (a panel title, a variable, an alert). */
    record Query(String where, String expression) {
    }

    private MonitoringFiles() {
    }

    static JsonNode dashboard() {
        return read(JSON, DASHBOARD);
    }

    /** A YAML file as a tree, read by SnakeYAML, which resolves anchors and merge keys ({@code <<: *x}) as Compose does. */
    static JsonNode yaml(Path file) {
        try (var reader = java.nio.file.Files.newBufferedReader(file)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return JSON.valueToTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every panel target's {@code expr} (rows' nested panels too) and every query variable's query. */
    static List<Query> dashboardQueries() {
        JsonNode dashboard = dashboard();
        List<Query> queries = new ArrayList<>();
        panels(dashboard.path("panels"), queries);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                JsonNode query = variable.path("query");
                String text = query.isTextual() ? query.asText() : query.path("query").asText();
                queries.add(new Query("variable " + variable.path("name").asText(), text));
            }
        }
        return queries;
    }

    private static void panels(JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    queries.add(new Query("panel " + panel.path("title").asText(), target.path("expr").asText()));
                }
            }
            panels(panel.path("panels"), queries);
        }
    }

    /** Every alerting and recording rule's expression. */
    static List<Query> alertExpressions() {
        List<Query> queries = new ArrayList<>();
        for (JsonNode group : yaml(ALERTS).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
                queries.add(new Query("rule " + name, rule.path("expr").asText()));
            }
        }
        return queries;
    }

    /** Metric name → where it is used, over the dashboard and the alert rules. */
    static Map<String, Set<String>> metricsUsed() {
        Map<String, Set<String>> used = new TreeMap<>();
        List<Query> all = new ArrayList<>(dashboardQueries());
        all.addAll(alertExpressions());
        for (Query query : all) {
            PromQlMetricNames.of(query.expression())
                    .forEach(name -> used.computeIfAbsent(name, k -> new TreeSet<>()).add(query.where()));
        }
        return used;
    }
}

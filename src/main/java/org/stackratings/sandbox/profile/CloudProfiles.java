package org.stackratings.sandbox.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads cloud profiles from YAML (or JSON) and writes them back as JSON. Every problem names the cloud and the field. */
public final class CloudProfiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> CLOUD_FIELDS = Set.of("name", "description", "region", "domain", "project",
            "users", "applicationCredentials", "services", "catalogHost", "latency", "serviceLatency", "errorRate",
            "errorStatus", "seed", "outages", "hangMs", "tokenTtl", "bootTime", "bootFailureRate", "deleteTime",
            "deleteFailureRate", "maxServers", "deviations", "hostile");
    private static final Set<String> HOSTILE_FIELDS = Set.of("mode", "target", "redirectTo", "endpointHost",
            "trickleInterval");
    private static final Set<String> LATENCY_FIELDS = Set.of("distribution", "medianMs", "p95Ms", "minMs", "maxMs");
    private static final Set<String> DEVIATION_FIELDS = Set.of("service", "method", "path", "query", "status",
            "body");
    private static final Set<String> OUTAGE_FIELDS = Set.of("start", "end", "every", "offset", "duration", "services",
            "mode");

    private CloudProfiles() {
    }

    /** Reads a document {@code clouds: [ ... ]}. */
    public static List<CloudProfile> load(InputStream yaml) {
        try {
            return parse(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cloud profiles", e);
        }
    }

    /** Reads profiles from a classpath resource or, failing that, a file. */
    public static List<CloudProfile> loadFrom(String location) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String resource = location.startsWith("/") ? location.substring(1) : location;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                return load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox profiles " + location, e);
        }
        Path file = Path.of(location);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("sandbox profiles '" + location
                    + "' are neither a classpath resource nor a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox profiles " + file, e);
        }
    }

    /** Parses a document {@code clouds: [ ... ]}. */
    public static List<CloudProfile> parse(String yaml) {
        JsonNode root = readTree(yaml);
        JsonNode clouds = root == null ? null : root.get("clouds");
        if (clouds == null || !clouds.isArray()) {
            throw new ProfileException("a profile document must have a list 'clouds'", null);
        }
        List<CloudProfile> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < clouds.size(); i++) {
            CloudProfile profile = fromTree(clouds.get(i), null, "clouds[" + i + "]");
            if (!names.add(profile.name())) {
                throw new ProfileException(profile.name(), "name", "the name is used twice");
            }
            result.add(profile);
        }
        return List.copyOf(result);
    }

    /** Parses one cloud profile (YAML or JSON object); {@code defaultName} is used when it has no {@code name}. */
    public static CloudProfile parseOne(String yaml, String defaultName) {
        return fromTree(readTree(yaml), defaultName, defaultName);
    }

    /**
     * Parses the {@code hostile} section of one cloud on its own (YAML or JSON: {@code {"mode": "endless-body"}}), as
     * the control API's {@code PUT /_sandbox/clouds/{name}/hostile} takes it. Problems name the cloud and the field.
     */
    public static HostileProfile parseHostile(String yaml, String cloud) {
        return new Reader(cloud).hostile(readTree(yaml), "hostile");
    }

    private static JsonNode readTree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ProfileException("invalid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static CloudProfile fromTree(JsonNode node, String defaultName, String where) {
        if (node == null || !node.isObject()) {
            throw new ProfileException(String.valueOf(where), "", "a cloud profile must be a mapping");
        }
        String name = node.hasNonNull("name") ? node.get("name").asText() : defaultName;
        Reader r = new Reader(name == null ? where : name);
        r.onlyFields(node, "", CLOUD_FIELDS);
        if (name == null || !CloudProfile.NAME.matcher(name).matches()) {
            throw r.fail("name", "'" + name + "' must match " + CloudProfile.NAME.pattern());
        }
        List<String> services = r.serviceList(node.get("services"), "services", CloudProfile.ALL_SERVICES);
        List<UserSpec> users = new ArrayList<>();
        JsonNode usersNode = r.list(node, "users");
        for (int i = 0; i < usersNode.size(); i++) {
            JsonNode u = usersNode.get(i);
            String f = "users[" + i + "]";
            r.onlyFields(u, f, Set.of("id", "name", "password"));
            users.add(new UserSpec(r.text(u, f + ".id", "id", null), r.required(u, f, "name"),
                    r.required(u, f, "password")));
        }
        List<AppCredentialSpec> creds = new ArrayList<>();
        JsonNode credsNode = r.list(node, "applicationCredentials");
        for (int i = 0; i < credsNode.size(); i++) {
            JsonNode a = credsNode.get(i);
            String f = "applicationCredentials[" + i + "]";
            r.onlyFields(a, f, Set.of("id", "name", "secret", "user"));
            String user = r.text(a, f + ".user", "user", null);
            if (users.isEmpty() || (user != null && users.stream().noneMatch(u -> u.name().equals(user)))) {
                throw r.fail(f + ".user", "names no user of this cloud");
            }
            creds.add(new AppCredentialSpec(r.required(a, f, "id"), r.text(a, f + ".name", "name", null),
                    r.required(a, f, "secret"), user));
        }
        ProjectSpec project = new ProjectSpec(null, "probe");
        JsonNode projectNode = node.get("project");
        if (projectNode != null && !projectNode.isNull()) {
            r.onlyFields(projectNode, "project", Set.of("id", "name"));
            project = new ProjectSpec(r.text(projectNode, "project.id", "id", null),
                    r.text(projectNode, "project.name", "name", "probe"));
            if (project.id() != null && !project.id().matches("[A-Za-z0-9_-]{1,64}")) {
                throw r.fail("project.id", "must be 1 to 64 letters, digits, '-' or '_'");
            }
        }
        LatencyProfile latency = node.hasNonNull("latency") ? r.latency(node.get("latency"), "latency")
                : LatencyProfile.NONE;
        Map<String, LatencyProfile> serviceLatency = new LinkedHashMap<>();
        JsonNode sl = node.get("serviceLatency");
        if (sl != null && !sl.isNull()) {
            if (!sl.isObject()) {
                throw r.fail("serviceLatency", "must be a mapping of service to latency");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = sl.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!CloudProfile.ALL_SERVICES.contains(e.getKey())) {
                    throw r.fail("serviceLatency." + e.getKey(), "unknown service (expected one of "
                            + CloudProfile.ALL_SERVICES + ")");
                }
                serviceLatency.put(e.getKey(), r.latency(e.getValue(), "serviceLatency." + e.getKey()));
            }
        }
        double errorRate = r.numberField(node, "errorRate", 0);
        if (errorRate < 0 || errorRate > 1) {
            throw r.fail("errorRate", errorRate + " is not within 0..1");
        }
        int errorStatus = (int) r.numberField(node, "errorStatus", 503);
        if (errorStatus < 400 || errorStatus > 599) {
            throw r.fail("errorStatus", errorStatus + " is not an HTTP error status (400..599)");
        }
        Long seed = node.hasNonNull("seed") ? (long) r.numberField(node, "seed", 0) : null;
        List<OutageWindow> outages = new ArrayList<>();
        JsonNode outagesNode = r.list(node, "outages");
        for (int i = 0; i < outagesNode.size(); i++) {
            outages.add(r.outage(outagesNode.get(i), "outages[" + i + "]"));
        }
        long hangMs = (long) r.numberField(node, "hangMs", 120_000);
        if (hangMs < 0) {
            throw r.fail("hangMs", "must not be negative");
        }
        Duration tokenTtl = node.hasNonNull("tokenTtl") ? r.duration(node.get("tokenTtl"), "tokenTtl")
                : Duration.ofHours(1);
        if (tokenTtl.isZero() || tokenTtl.isNegative()) {
            throw r.fail("tokenTtl", "must be positive");
        }
        String catalogHost = r.text(node, "catalogHost", "catalogHost", null);
        if (catalogHost != null && !catalogHost.matches("[A-Za-z0-9.\\[\\]:-]+(:\\d{1,5})?")) {
            throw r.fail("catalogHost", "'" + catalogHost + "' is not host or host:port");
        }
        LifecycleProfile lifecycle = r.lifecycle(node);
        List<Deviation> deviations = new ArrayList<>();
        JsonNode deviationsNode = r.list(node, "deviations");
        for (int i = 0; i < deviationsNode.size(); i++) {
            deviations.add(r.deviation(deviationsNode.get(i), "deviations[" + i + "]"));
        }
        HostileProfile hostile = node.hasNonNull("hostile") ? r.hostile(node.get("hostile"), "hostile") : null;
        return new CloudProfile(name, r.text(node, "description", "description", ""),
                r.text(node, "region", "region", "RegionOne"), r.text(node, "domain", "domain", "Default"), project,
                users, creds, services, catalogHost, latency, serviceLatency, errorRate, errorStatus, seed, outages,
                hangMs, tokenTtl, lifecycle, deviations, hostile);
    }

    /** The profile as JSON, in the same shape as the YAML it can be read from. */
    public static JsonObject toJson(CloudProfile p) {
        JsonObject json = new JsonObject()
                .put("name", p.name())
                .put("description", p.description())
                .put("region", p.region())
                .put("domain", p.domain())
                .put("project", new JsonObject().put("id", p.project().id()).put("name", p.project().name()));
        JsonArray users = new JsonArray();
        p.users().forEach(u -> users.add(new JsonObject().put("id", u.id()).put("name", u.name())
                .put("password", u.password())));
        JsonArray creds = new JsonArray();
        p.applicationCredentials().forEach(a -> creds.add(new JsonObject().put("id", a.id()).put("name", a.name())
                .put("secret", a.secret()).put("user", a.user())));
        JsonObject serviceLatency = new JsonObject();
        p.serviceLatency().forEach((k, v) -> serviceLatency.put(k, latencyJson(v)));
        JsonArray outages = new JsonArray();
        for (OutageWindow o : p.outages()) {
            JsonObject w = new JsonObject();
            if (o.isRecurring()) {
                w.put("every", o.every().toString()).put("offset", o.offset().toString())
                        .put("duration", o.duration().toString());
            } else {
                w.put("start", o.start().toString()).put("end", o.end().toString());
            }
            if (!o.services().isEmpty()) {
                w.put("services", new JsonArray(o.services()));
            }
            outages.add(w.put("mode", o.mode().name()));
        }
        json.put("users", users)
                .put("applicationCredentials", creds)
                .put("services", new JsonArray(p.services()))
                .put("catalogHost", p.catalogHost())
                .put("latency", latencyJson(p.latency()))
                .put("serviceLatency", serviceLatency)
                .put("errorRate", p.errorRate())
                .put("errorStatus", p.errorStatus())
                .put("seed", p.seed())
                .put("outages", outages)
                .put("hangMs", p.hangMs())
                .put("tokenTtl", p.tokenTtl().toString())
                .put("bootTime", latencyJson(p.lifecycle().bootTime()))
                .put("bootFailureRate", p.lifecycle().bootFailureRate())
                .put("deleteTime", latencyJson(p.lifecycle().deleteTime()))
                .put("deleteFailureRate", p.lifecycle().deleteFailureRate())
                .put("maxServers", p.lifecycle().maxServers());
        JsonArray deviations = new JsonArray();
        for (Deviation d : p.deviations()) {
            JsonObject j = new JsonObject().put("service", d.service()).put("method", d.method()).put("path", d.path());
            if (d.query() != null) {
                j.put("query", d.query());
            }
            j.put("status", d.status());
            if (d.body() != null) {
                j.put("body", d.body());
            }
            deviations.add(j);
        }
        return json.put("deviations", deviations).put("hostile", hostileJson(p.hostile()));
    }

    /** The {@code hostile} section as JSON, in the YAML's shape; null when the cloud is not hostile. */
    public static JsonObject hostileJson(HostileProfile h) {
        if (h == null) {
            return null;
        }
        JsonObject json = new JsonObject().put("mode", h.mode().id()).put("target", h.target().id());
        if (h.redirectTo() != null) {
            json.put("redirectTo", h.redirectTo().toString());
        }
        if (h.endpointHost() != null) {
            json.put("endpointHost", h.endpointHost());
        }
        return json.put("trickleInterval", h.trickleInterval().toString());
    }

    private static JsonObject latencyJson(LatencyProfile l) {
        JsonObject json = new JsonObject().put("distribution", l.distribution().id());
        switch (l.distribution()) {
            case CONSTANT -> json.put("medianMs", l.medianMs());
            case UNIFORM -> json.put("minMs", l.minMs()).put("maxMs", l.maxMs());
            case NORMAL, LOGNORMAL -> json.put("medianMs", l.medianMs()).put("p95Ms", l.p95Ms());
        }
        return json;
    }

    /** Field readers for one cloud, so that every error names the cloud and the field. */
    private static final class Reader {
        private final String cloud;

        Reader(String cloud) {
            this.cloud = cloud;
        }

        ProfileException fail(String field, String problem) {
            return new ProfileException(cloud, field, problem);
        }

        void onlyFields(JsonNode node, String prefix, Set<String> allowed) {
            if (node == null || !node.isObject()) {
                throw fail(prefix.isEmpty() ? "(cloud)" : prefix, "must be a mapping");
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    throw fail(prefix.isEmpty() ? f : prefix + "." + f, "unknown field (expected one of "
                            + allowed.stream().sorted().toList() + ")");
                }
            }
        }

        String text(JsonNode node, String field, String key, String fallback) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isValueNode()) {
                throw fail(field, "must be a text");
            }
            return v.asText();
        }

        String required(JsonNode node, String prefix, String key) {
            String v = text(node, prefix + "." + key, key, null);
            if (v == null || v.isBlank()) {
                throw fail(prefix + "." + key, "is required");
            }
            return v;
        }

        double numberField(JsonNode node, String field, double fallback) {
            return number(node.get(field), field, fallback);
        }

        double number(JsonNode v, String field, double fallback) {
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isNumber()) {
                throw fail(field, "'" + v.asText() + "' is not a number");
            }
            return v.asDouble();
        }

        JsonNode list(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return YAML.createArrayNode();
            }
            if (!v.isArray()) {
                throw fail(field, "must be a list");
            }
            return v;
        }

        List<String> serviceList(JsonNode v, String field, List<String> fallback) {
            if (v == null || v.isNull()) {
                return fallback;
            }
            if (!v.isArray()) {
                throw fail(field, "must be a list");
            }
            List<String> result = new ArrayList<>();
            for (JsonNode s : v) {
                String service = s.asText();
                if (!CloudProfile.ALL_SERVICES.contains(service)) {
                    throw fail(field, "unknown service '" + service + "' (expected one of "
                            + CloudProfile.ALL_SERVICES + ")");
                }
                if (!result.contains(service)) {
                    result.add(service);
                }
            }
            return result;
        }

        LatencyProfile latency(JsonNode node, String field) {
            onlyFields(node, field, LATENCY_FIELDS);
            String d = text(node, field + ".distribution", "distribution", "constant");
            LatencyProfile.Distribution distribution;
            try {
                distribution = LatencyProfile.Distribution.valueOf(d.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw fail(field + ".distribution", "unknown distribution '" + d
                        + "' (expected constant, uniform, normal or lognormal)");
            }
            double median = number(node.get("medianMs"), field + ".medianMs", 0);
            double minMs = number(node.get("minMs"), field + ".minMs", 0);
            double maxMs = number(node.get("maxMs"), field + ".maxMs", 0);
            Double p95Given = node.hasNonNull("p95Ms") ? number(node.get("p95Ms"), field + ".p95Ms", 0) : null;
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("medianMs", median);
            values.put("minMs", minMs);
            values.put("maxMs", maxMs);
            values.put("p95Ms", p95Given == null ? 0 : p95Given);
            for (Map.Entry<String, Double> e : values.entrySet()) {
                if (e.getValue() < 0) {
                    throw fail(field + "." + e.getKey(), e.getValue() + " must not be negative");
                }
            }
            double p95 = p95Given != null ? p95Given
                    : distribution == LatencyProfile.Distribution.LOGNORMAL ? -1 : median;
            if (distribution == LatencyProfile.Distribution.LOGNORMAL && p95 < 0) {
                throw fail(field + ".p95Ms", "is required for lognormal");
            }
            try {
                return new LatencyProfile(distribution, median, Math.max(p95, 0), minMs, maxMs);
            } catch (IllegalArgumentException e) {
                throw fail(field, e.getMessage());
            }
        }

        double rate(JsonNode node, String field) {
            double rate = numberField(node, field, 0);
            if (rate < 0 || rate > 1) {
                throw fail(field, rate + " is not within 0..1");
            }
            return rate;
        }

        LifecycleProfile lifecycle(JsonNode node) {
            LifecycleProfile defaults = LifecycleProfile.DEFAULT;
            LatencyProfile boot = node.hasNonNull("bootTime") ? latency(node.get("bootTime"), "bootTime")
                    : defaults.bootTime();
            LatencyProfile delete = node.hasNonNull("deleteTime") ? latency(node.get("deleteTime"), "deleteTime")
                    : defaults.deleteTime();
            double maxServers = numberField(node, "maxServers", defaults.maxServers());
            if (maxServers < 0 || maxServers != Math.rint(maxServers) || maxServers > Integer.MAX_VALUE) {
                throw fail("maxServers", maxServers + " is not a whole number >= 0");
            }
            return new LifecycleProfile(boot, rate(node, "bootFailureRate"), delete, rate(node, "deleteFailureRate"),
                    (int) maxServers);
        }

        Deviation deviation(JsonNode node, String field) {
            onlyFields(node, field, DEVIATION_FIELDS);
            String service = text(node, field + ".service", "service", null);
            if (service == null || !CloudProfile.ALL_SERVICES.contains(service)) {
                throw fail(field + ".service", "unknown service '" + service + "' (expected one of "
                        + CloudProfile.ALL_SERVICES + ")");
            }
            String method = text(node, field + ".method", "method", "GET").toUpperCase(Locale.ROOT);
            if (!Deviation.METHODS.contains(method)) {
                throw fail(field + ".method", "unknown method '" + method + "' (expected one of "
                        + Deviation.METHODS.stream().sorted().toList() + ")");
            }
            String path = text(node, field + ".path", "path", null);
            if (path == null || !path.startsWith("/")) {
                throw fail(field + ".path", "is required and must start with '/' (relative to the service root)");
            }
            JsonNode statusNode = node.get("status");
            if (statusNode == null || !statusNode.isInt()) {
                throw fail(field + ".status", "is required and must be a whole number");
            }
            int status = statusNode.asInt();
            if (status < 200 || status > 599) {
                throw fail(field + ".status", status + " is not an HTTP status within 200..599");
            }
            JsonNode bodyNode = node.get("body");
            String body = bodyNode == null || bodyNode.isNull() ? null
                    : bodyNode.isContainerNode() ? bodyNode.toString() : bodyNode.asText();
            return new Deviation(service, method, path, text(node, field + ".query", "query", null), status, body);
        }

        HostileProfile hostile(JsonNode node, String field) {
            onlyFields(node, field, HOSTILE_FIELDS);
            String m = text(node, field + ".mode", "mode", null);
            if (m == null) {
                throw fail(field + ".mode", "is required (one of " + HostileMode.ids() + ")");
            }
            HostileMode mode = HostileMode.fromId(m).orElseThrow(() -> fail(field + ".mode", "unknown mode '" + m
                    + "' (expected one of " + HostileMode.ids() + ")"));
            String t = text(node, field + ".target", "target", null);
            HostileTarget target = t == null ? null : HostileTarget.fromId(t).orElseThrow(() -> fail(field + ".target",
                    "unknown target '" + t + "' (expected one of " + HostileTarget.ids() + ")"));
            String to = text(node, field + ".redirectTo", "redirectTo", null);
            URI redirectTo;
            try {
                redirectTo = to == null ? null : new URI(to);
            } catch (URISyntaxException e) {
                throw fail(field + ".redirectTo", "'" + to + "' is not a URL: " + e.getReason());
            }
            Duration trickle = node.hasNonNull("trickleInterval")
                    ? duration(node.get("trickleInterval"), field + ".trickleInterval") : null;
            try {
                return new HostileProfile(mode, target, redirectTo, text(node, field + ".endpointHost",
                        "endpointHost", null), trickle);
            } catch (IllegalArgumentException e) {
                throw fail(field, e.getMessage());
            }
        }

        Duration duration(JsonNode v, String field) {
            try {
                return Duration.parse(v.asText());
            } catch (DateTimeParseException e) {
                throw fail(field, "'" + v.asText() + "' is not an ISO-8601 duration such as PT10M");
            }
        }

        Instant instant(JsonNode v, String field) {
            try {
                return Instant.parse(v.asText());
            } catch (DateTimeParseException e) {
                throw fail(field, "'" + v.asText() + "' is not an ISO-8601 instant such as 2026-11-25T10:00:00Z");
            }
        }

        OutageWindow outage(JsonNode node, String field) {
            onlyFields(node, field, OUTAGE_FIELDS);
            String m = text(node, field + ".mode", "mode", "ERROR");
            FaultMode mode;
            try {
                mode = FaultMode.valueOf(m.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw fail(field + ".mode", "unknown mode '" + m + "' (expected ERROR, TIMEOUT or RESET)");
            }
            List<String> services = serviceList(node.get("services"), field + ".services", List.of());
            try {
                return new OutageWindow(
                        node.hasNonNull("start") ? instant(node.get("start"), field + ".start") : null,
                        node.hasNonNull("end") ? instant(node.get("end"), field + ".end") : null,
                        node.hasNonNull("every") ? duration(node.get("every"), field + ".every") : null,
                        node.hasNonNull("offset") ? duration(node.get("offset"), field + ".offset") : null,
                        node.hasNonNull("duration") ? duration(node.get("duration"), field + ".duration") : null,
                        services, mode);
            } catch (ProfileException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw fail(field, e.getMessage());
            }
        }
    }
}

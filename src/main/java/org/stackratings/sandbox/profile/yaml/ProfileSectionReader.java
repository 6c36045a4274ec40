package org.stackratings.sandbox.profile.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.Deviation;
import org.stackratings.sandbox.profile.FieldChange;
import org.stackratings.sandbox.profile.FaultMode;
import org.stackratings.sandbox.profile.HostileMode;
import org.stackratings.sandbox.profile.HostileProfile;
import org.stackratings.sandbox.profile.HostileTarget;
import org.stackratings.sandbox.profile.LatencyProfile;
import org.stackratings.sandbox.profile.LifecycleProfile;
import org.stackratings.sandbox.profile.OutageWindow;
import org.stackratings.sandbox.profile.ProfileException;

/**
 * The nested sections of one cloud's profile: latencies, the server lifecycle, deviations, the {@code hostile}
 * section and outage windows, each checked field by field with the messages of {@link ProfileFieldReader}.
 */
final class ProfileSectionReader {

    private static final Set<String> HOSTILE_FIELDS = Set.of("mode", "target", "redirectTo", "endpointHost",
            "trickleInterval");
    private static final Set<String> LATENCY_FIELDS = Set.of("distribution", "medianMs", "p95Ms", "minMs", "maxMs");
    private static final Set<String> DEVIATION_FIELDS = Set.of("service", "method", "path", "query", "action",
            "status", "body", "field", "value", "missing");
    private static final Set<String> OUTAGE_FIELDS = Set.of("start", "end", "every", "offset", "duration", "services",
            "mode");

    private final ProfileFieldReader fields;

    ProfileSectionReader(ProfileFieldReader fields) {
        this.fields = fields;
    }

    LatencyProfile latency(JsonNode node, String field) {
        fields.onlyFields(node, field, LATENCY_FIELDS);
        String d = fields.text(node, field + ".distribution", "distribution", "constant");
        LatencyProfile.Distribution distribution;
        try {
            distribution = LatencyProfile.Distribution.valueOf(d.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fields.fail(field + ".distribution", "unknown distribution '" + d
                    + "' (expected constant, uniform, normal or lognormal)");
        }
        double median = fields.number(node.get("medianMs"), field + ".medianMs", 0);
        double minMs = fields.number(node.get("minMs"), field + ".minMs", 0);
        double maxMs = fields.number(node.get("maxMs"), field + ".maxMs", 0);
        Double p95Given = node.hasNonNull("p95Ms") ? fields.number(node.get("p95Ms"), field + ".p95Ms", 0) : null;
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("medianMs", median);
        values.put("minMs", minMs);
        values.put("maxMs", maxMs);
        values.put("p95Ms", p95Given == null ? 0 : p95Given);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (e.getValue() < 0) {
                throw fields.fail(field + "." + e.getKey(), e.getValue() + " must not be negative");
            }
        }
        double p95 = p95Given != null ? p95Given
                : distribution == LatencyProfile.Distribution.LOGNORMAL ? -1 : median;
        if (distribution == LatencyProfile.Distribution.LOGNORMAL && p95 < 0) {
            throw fields.fail(field + ".p95Ms", "is required for lognormal");
        }
        try {
            return new LatencyProfile(distribution, median, Math.max(p95, 0), minMs, maxMs);
        } catch (IllegalArgumentException e) {
            throw fields.fail(field, e.getMessage());
        }
    }

    /** The lifecycle fields of the cloud's own mapping: boot and delete times and failure rates, max servers. */
    LifecycleProfile lifecycle(JsonNode node) {
        LifecycleProfile defaults = LifecycleProfile.DEFAULT;
        LatencyProfile boot = node.hasNonNull("bootTime") ? latency(node.get("bootTime"), "bootTime")
                : defaults.bootTime();
        LatencyProfile delete = node.hasNonNull("deleteTime") ? latency(node.get("deleteTime"), "deleteTime")
                : defaults.deleteTime();
        double maxServers = fields.numberField(node, "maxServers", defaults.maxServers());
        if (maxServers < 0 || maxServers != Math.rint(maxServers) || maxServers > Integer.MAX_VALUE) {
            throw fields.fail("maxServers", maxServers + " is not a whole number >= 0");
        }
        return new LifecycleProfile(boot, fields.rate(node, "bootFailureRate"), delete,
                fields.rate(node, "deleteFailureRate"), (int) maxServers);
    }

    Deviation deviation(JsonNode node, String field) {
        fields.onlyFields(node, field, DEVIATION_FIELDS);
        String service = fields.text(node, field + ".service", "service", null);
        if (service == null || !CloudProfile.ALL_SERVICES.contains(service)) {
            throw fields.fail(field + ".service", "unknown service '" + service + "' (expected one of "
                    + CloudProfile.ALL_SERVICES + ")");
        }
        String method = fields.text(node, field + ".method", "method", "GET").toUpperCase(Locale.ROOT);
        if (!Deviation.METHODS.contains(method)) {
            throw fields.fail(field + ".method", "unknown method '" + method + "' (expected one of "
                    + Deviation.METHODS.stream().sorted().toList() + ")");
        }
        String path = fields.text(node, field + ".path", "path", null);
        if (path == null || !path.startsWith("/")) {
            throw fields.fail(field + ".path",
                    "is required and must start with '/' (relative to the service root)");
        }
        String query = fields.text(node, field + ".query", "query", null);
        String action = fields.text(node, field + ".action", "action", null);
        JsonNode missing = node.get("missing");
        if (missing != null) {
            if (!missing.isBoolean() || !missing.asBoolean()) {
                throw fields.fail(field + ".missing", "must be true (the endpoint answers 404 as if it did not exist)");
            }
            if (node.has("status") || node.has("body") || node.has("field")) {
                throw fields.fail(field + ".missing", "stands alone: no status, body or field with it");
            }
            return new Deviation(service, method, path, query, action, 404, null, null);
        }
        FieldChange change = change(node, field);
        int status = status(node, field, change == null);
        JsonNode bodyNode = node.get("body");
        if (change != null && bodyNode != null) {
            throw fields.fail(field + ".body", "a deviation changes a field or answers a body, not both");
        }
        String body = bodyNode == null || bodyNode.isNull() ? null
                : bodyNode.isContainerNode() ? bodyNode.toString() : bodyNode.asText();
        return new Deviation(service, method, path, query, action, status, body, change);
    }

    private FieldChange change(JsonNode node, String field) {
        String pointer = fields.text(node, field + ".field", "field", null);
        if (pointer == null) {
            if (node.has("value")) {
                throw fields.fail(field + ".value", "needs a field (a JSON Pointer such as /server/status)");
            }
            return null;
        }
        if (!pointer.startsWith("/") || pointer.length() < 2) {
            throw fields.fail(field + ".field", "must be a JSON Pointer such as /server/status");
        }
        return node.has("value") ? FieldChange.set(pointer, Json.decodeValue(node.get("value").toString()))
                : FieldChange.removal(pointer);
    }

    private int status(JsonNode node, String field, boolean required) {
        JsonNode statusNode = node.get("status");
        if (statusNode == null && !required) {
            return 0;
        }
        if (statusNode == null || !statusNode.isInt()) {
            throw fields.fail(field + ".status", "is required and must be a whole number");
        }
        int status = statusNode.asInt();
        if (status < 200 || status > 599) {
            throw fields.fail(field + ".status", status + " is not an HTTP status within 200..599");
        }
        return status;
    }

    HostileProfile hostile(JsonNode node, String field) {
        fields.onlyFields(node, field, HOSTILE_FIELDS);
        String m = fields.text(node, field + ".mode", "mode", null);
        if (m == null) {
            throw fields.fail(field + ".mode", "is required (one of " + HostileMode.ids() + ")");
        }
        HostileMode mode = HostileMode.fromId(m).orElseThrow(() -> fields.fail(field + ".mode", "unknown mode '" + m
                + "' (expected one of " + HostileMode.ids() + ")"));
        String t = fields.text(node, field + ".target", "target", null);
        HostileTarget target = t == null ? null : HostileTarget.fromId(t).orElseThrow(() -> fields.fail(
                field + ".target", "unknown target '" + t + "' (expected one of " + HostileTarget.ids() + ")"));
        String to = fields.text(node, field + ".redirectTo", "redirectTo", null);
        URI redirectTo;
        try {
            redirectTo = to == null ? null : new URI(to);
        } catch (URISyntaxException e) {
            throw fields.fail(field + ".redirectTo", "'" + to + "' is not a URL: " + e.getReason());
        }
        Duration trickle = node.hasNonNull("trickleInterval")
                ? fields.duration(node.get("trickleInterval"), field + ".trickleInterval") : null;
        try {
            return new HostileProfile(mode, target, redirectTo, fields.text(node, field + ".endpointHost",
                    "endpointHost", null), trickle);
        } catch (IllegalArgumentException e) {
            throw fields.fail(field, e.getMessage());
        }
    }

    OutageWindow outage(JsonNode node, String field) {
        fields.onlyFields(node, field, OUTAGE_FIELDS);
        String m = fields.text(node, field + ".mode", "mode", "ERROR");
        FaultMode mode;
        try {
            mode = FaultMode.valueOf(m.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fields.fail(field + ".mode", "unknown mode '" + m + "' (expected ERROR, TIMEOUT or RESET)");
        }
        List<String> services = fields.serviceList(node.get("services"), field + ".services", List.of());
        try {
            return new OutageWindow(
                    node.hasNonNull("start") ? fields.instant(node.get("start"), field + ".start") : null,
                    node.hasNonNull("end") ? fields.instant(node.get("end"), field + ".end") : null,
                    node.hasNonNull("every") ? fields.duration(node.get("every"), field + ".every") : null,
                    node.hasNonNull("offset") ? fields.duration(node.get("offset"), field + ".offset") : null,
                    node.hasNonNull("duration") ? fields.duration(node.get("duration"), field + ".duration") : null,
                    services, mode);
        } catch (ProfileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw fields.fail(field, e.getMessage());
        }
    }
}

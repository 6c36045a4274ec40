package org.stackratings.sandbox.profile.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.ProfileException;

/**
 * Typed reads of the fields of one cloud's profile (texts, numbers, lists, services, durations, instants), so that
 * every problem is a {@link ProfileException} that names the cloud and the field.
 */
final class ProfileFieldReader {

    private final String cloud;

    ProfileFieldReader(String cloud) {
        this.cloud = cloud;
    }

    ProfileException fail(String field, String problem) {
        return new ProfileException(cloud, field, problem);
    }

    /** Refuses a node that is not a mapping, or has a field outside {@code allowed}. */
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

    /** A rate within 0..1, 0 when absent. */
    double rate(JsonNode node, String field) {
        double rate = numberField(node, field, 0);
        if (rate < 0 || rate > 1) {
            throw fail(field, rate + " is not within 0..1");
        }
        return rate;
    }

    /** The list {@code field} of {@code node}; an empty one when absent. */
    JsonNode list(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!v.isArray()) {
            throw fail(field, "must be a list");
        }
        return v;
    }

    /** A list of services of {@link CloudProfile#ALL_SERVICES}, each once; {@code fallback} when absent. */
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
}

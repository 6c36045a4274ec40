package org.stackratings.sandbox.api.network;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The attributes of one resource in a create or update body, read with Neutron's validation and messages. */
public record Attributes(JsonObject body) {

    /** Refuses attributes outside {@code allowed}: unknown ones, and known ones that may not be set ({@code known}). */
    public Attributes allowOnly(Set<String> allowed, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (String key : body.fieldNames()) {
            if (!allowed.contains(key)) {
                if (known.contains(key)) {
                    throw NeutronError.badRequest("Cannot update read-only attribute " + key);
                }
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw NeutronError.badRequest("Unrecognized attribute(s) '" + String.join(", ", unknown) + "'");
        }
        return this;
    }

    public boolean has(String key) {
        return body.containsKey(key);
    }

    public Object raw(String key) {
        return body.getValue(key);
    }

    /** The value of an attribute the request must name (400 as Neutron's parser says when it is absent). */
    public Object required(String key) {
        if (!has(key)) {
            throw missing(key);
        }
        return raw(key);
    }

    /** Neutron's answer to a request that lacks a required attribute. */
    public static NeutronError missing(String key) {
        return NeutronError.badRequest("Failed to parse request. Required attribute '" + key + "' not specified");
    }

    public static NeutronError invalid(String key, String reason) {
        return NeutronError.badRequest("Invalid input for " + key + ". Reason: " + reason + ".");
    }

    /** A string of at most {@code max} characters, or {@code fallback} when absent. */
    public String string(String key, int max, String fallback) {
        if (!body.containsKey(key)) {
            return fallback;
        }
        Object value = body.getValue(key);
        if (!(value instanceof String text)) {
            throw invalid(key, "'" + value + "' is not a valid string");
        }
        if (text.length() > max) {
            throw invalid(key, "'" + text + "' exceeds maximum length of " + max);
        }
        return text;
    }

    /** A string, or null when absent or null. */
    public String stringOrNull(String key) {
        return body.getValue(key) == null ? null : string(key, 255, null);
    }

    public boolean bool(String key, boolean fallback) {
        if (!body.containsKey(key)) {
            return fallback;
        }
        Object value = body.getValue(key);
        if (value instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(value).toLowerCase();
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw invalid(key, "'" + value + "' cannot be converted to boolean");
        };
    }

    /** A list, or {@code fallback} when absent; null counts as empty. */
    public JsonArray list(String key, JsonArray fallback) {
        if (!body.containsKey(key)) {
            return fallback;
        }
        Object value = body.getValue(key);
        if (value == null) {
            return new JsonArray();
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(key, "'" + value + "' is not a list");
        }
        return array;
    }

    /** A list of objects, each checked to be one. */
    public List<JsonObject> objects(String key) {
        List<JsonObject> result = new ArrayList<>();
        for (Object o : list(key, new JsonArray())) {
            if (!(o instanceof JsonObject item)) {
                throw invalid(key, "'" + o + "' is not a dictionary");
            }
            result.add(item);
        }
        return result;
    }

    /** The project the body names ({@code project_id} or {@code tenant_id}), which must be the caller's. */
    public void requireOwnProject(NeutronRequest req) {
        for (String key : List.of("project_id", "tenant_id")) {
            if (body.containsKey(key) && !req.projectId().equals(body.getValue(key))) {
                throw NeutronError.forbidden("(rule:create_" + key + ") is disallowed by policy");
            }
        }
    }
}

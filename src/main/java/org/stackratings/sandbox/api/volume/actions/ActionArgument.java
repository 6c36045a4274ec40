package org.stackratings.sandbox.api.volume.actions;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.stackratings.sandbox.api.volume.CinderRefusal;

/**
 * The argument of one volume action ({@code {"os-extend": {...}}}) as Cinder's JSON schema of it reads it: an object
 * (or, for the actions that take none, anything), of the fields the action knows only, with its booleans in the
 * spellings {@code oslo.utils} accepts.
 */
final class ActionArgument {

    private static final Set<String> TRUE = Set.of("True", "TRUE", "true", "1", "ON", "On", "on", "YES", "Yes",
            "yes", "y", "t");
    private static final Set<String> FALSE = Set.of("False", "FALSE", "false", "0", "OFF", "Off", "off", "NO", "No",
            "no", "n", "f");

    private final String action;
    private final JsonObject fields;

    private ActionArgument(String action, JsonObject fields) {
        this.action = action;
        this.fields = fields;
    }

    /** The argument of {@code action}: an object with no other fields than {@code known}. */
    static ActionArgument of(String action, Object argument, List<String> known) {
        if (!(argument instanceof JsonObject o)) {
            throw CinderRefusal.invalidField(action, argument, argument + " is not of type 'object'");
        }
        for (String field : o.fieldNames()) {
            if (!known.contains(field)) {
                throw CinderRefusal.invalidField(action, o.encode(), "Additional properties are not allowed ('"
                        + field + "' was unexpected)");
            }
        }
        return new ActionArgument(action, o);
    }

    boolean has(String field) {
        return fields.containsKey(field);
    }

    Object value(String field) {
        return fields.getValue(field);
    }

    /** The required field {@code field}. */
    Object required(String field) {
        if (!fields.containsKey(field)) {
            throw CinderRefusal.invalidField(action, fields.encode(), "'" + field + "' is a required property");
        }
        return fields.getValue(field);
    }

    /** A boolean field (Cinder's {@code parameter_types.boolean}); {@code absent} when it is not given. */
    boolean bool(String field, boolean absent) {
        if (!fields.containsKey(field)) {
            return absent;
        }
        Object value = fields.getValue(field);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && TRUE.contains(s)) {
            return true;
        }
        if (value instanceof String s && FALSE.contains(s)) {
            return false;
        }
        throw CinderRefusal.invalidField(field, value, value + " is not one of [True, 'True', 'TRUE', 'true', '1',"
                + " 'ON', 'On', 'on', 'YES', 'Yes', 'yes', 'y', 't', False, 'False', 'FALSE', 'false', '0', 'OFF',"
                + " 'Off', 'off', 'NO', 'No', 'no', 'n', 'f']");
    }

    /** A string field of at most {@code max} characters (and at least {@code min}); null when absent. */
    String string(String field, int min, int max) {
        Object value = fields.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw CinderRefusal.invalidField(field, value, value + " is not of type 'string'");
        }
        if (s.length() < min) {
            throw CinderRefusal.invalidField(field, s, "'" + s + "' is too short");
        }
        if (s.length() > max) {
            throw CinderRefusal.invalidField(field, s, "'" + s + "' is too long");
        }
        return s;
    }
}

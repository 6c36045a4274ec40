package org.stackratings.sandbox.profile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/**
 * A change to one field of a JSON answer, made by a {@link Deviation}: the field at {@code pointer} (a JSON Pointer,
 * RFC 6901, where a {@code *} segment stands for every element of an array, as in {@code /servers/*&#47;status}) is set to
 * {@code value} (a string, number, boolean, null, {@link JsonObject} or {@link JsonArray}), or removed when
 * {@code remove}. The last segment names a field of an object; a pointer whose parent is not in the answer changes
 * nothing.
 */
public record FieldChange(String pointer, Object value, boolean remove) {

    public FieldChange {
        if (pointer == null || !pointer.startsWith("/") || pointer.length() < 2) {
            throw new IllegalArgumentException("field must be a JSON Pointer such as /server/status");
        }
        if (remove && value != null) {
            throw new IllegalArgumentException("a removed field has no value");
        }
    }

    /** Sets the field to {@code value}. */
    public static FieldChange set(String pointer, Object value) {
        return new FieldChange(pointer, value, false);
    }

    /** Removes the field. */
    public static FieldChange removal(String pointer) {
        return new FieldChange(pointer, null, true);
    }

    /** Applies the change to a decoded JSON answer ({@link JsonObject} or {@link JsonArray}), in place. */
    public void applyTo(Object answer) {
        List<String> segments = Arrays.stream(pointer.substring(1).split("/", -1))
                .map(s -> s.replace("~1", "/").replace("~0", "~"))
                .toList();
        walk(answer, segments);
    }

    private void walk(Object node, List<String> segments) {
        String head = segments.get(0);
        List<String> rest = segments.subList(1, segments.size());
        if (node instanceof JsonObject object) {
            if (rest.isEmpty()) {
                change(object, head);
            } else if (object.containsKey(head)) {
                walk(object.getValue(head), rest);
            }
        } else if (node instanceof JsonArray array && !rest.isEmpty()) {
            if ("*".equals(head)) {
                array.forEach(element -> walk(element, rest));
            } else if (head.matches("\\d{1,9}") && Integer.parseInt(head) < array.size()) {
                walk(array.getValue(Integer.parseInt(head)), rest);
            }
        }
    }

    private void change(JsonObject object, String key) {
        if (remove) {
            object.remove(key);
        } else {
            object.put(key, value);
        }
    }
}

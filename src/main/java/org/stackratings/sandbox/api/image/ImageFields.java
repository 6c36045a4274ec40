package org.stackratings.sandbox.api.image;

import io.vertx.core.json.JsonArray;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Glance's rules for the attributes of an image: which are read-only, reserved or base attributes, the formats and
 * visibilities it accepts, and the check of one attribute's value against its image schema.
 */
public final class ImageFields {

    static final Set<String> READ_ONLY = Set.of("created_at", "updated_at", "status", "checksum", "os_hash_algo",
            "os_hash_value", "size", "virtual_size", "direct_url", "self", "file", "schema", "id", "stores");
    static final Set<String> RESERVED = Set.of("location", "deleted", "deleted_at");
    static final String RESERVED_NAMESPACE = "os_glance";
    static final List<String> BASE = List.of("name", "visibility", "protected", "os_hidden", "disk_format",
            "container_format", "min_disk", "min_ram", "tags");
    public static final List<String> DISK_FORMATS = List.of("ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2",
            "vdi", "iso", "ploop");
    public static final List<String> CONTAINER_FORMATS = List.of("ami", "ari", "aki", "bare", "ovf", "ova", "docker",
            "compressed");
    public static final List<String> VISIBILITIES = List.of("community", "public", "private", "shared");
    public static final List<String> STATUSES = List.of("queued", "saving", "active", "killed", "deleted", "uploading",
            "importing", "pending_delete", "deactivated");
    public static final Pattern UUID = Pattern.compile(
            "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$");

    private ImageFields() {
    }

    /** Glance's 403 for an attribute a user may not write, or null when it may be written. */
    static String forbidden(String attribute) {
        if (READ_ONLY.contains(attribute)) {
            return "Attribute '" + attribute + "' is read-only.";
        }
        if (RESERVED.contains(attribute) || attribute.startsWith(RESERVED_NAMESPACE)) {
            return "Attribute '" + attribute + "' is reserved.";
        }
        return null;
    }

    /** Checks {@code value} for {@code attribute} as the image schema does; a 400 when it does not fit. */
    static void check(String attribute, Object value) {
        switch (attribute) {
            case "name" -> {
                if (value != null && !(value instanceof String s && s.length() <= 255)) {
                    throw invalid(attribute, value, "is not of type 'null', 'string' or longer than 255");
                }
            }
            case "visibility" -> oneOf(attribute, value, VISIBILITIES);
            case "disk_format" -> {
                if (value != null) {
                    oneOf(attribute, value, DISK_FORMATS);
                }
            }
            case "container_format" -> {
                if (value != null) {
                    oneOf(attribute, value, CONTAINER_FORMATS);
                }
            }
            case "protected", "os_hidden" -> {
                if (!(value instanceof Boolean)) {
                    throw invalid(attribute, value, "is not of type 'boolean'");
                }
            }
            case "min_disk", "min_ram" -> {
                if (!(value instanceof Integer i) || i < 0) {
                    throw invalid(attribute, value, "is not of type 'integer' or is less than the minimum of 0");
                }
            }
            case "tags" -> {
                if (!(value instanceof JsonArray tags) || !tags.stream()
                        .allMatch(t -> t instanceof String s && !s.isEmpty() && s.length() <= 255)) {
                    throw invalid(attribute, value, "is not an array of strings of at most 255 characters");
                }
            }
            case "kernel_id", "ramdisk_id" -> {
                if (value != null && !(value instanceof String s && UUID.matcher(s).matches())) {
                    throw invalid(attribute, value, "does not match a UUID");
                }
            }
            default -> {
                if (!(value instanceof String s) || s.length() > 65535) {
                    throw invalid(attribute, value, "is not of type 'string'");
                }
            }
        }
    }

    private static void oneOf(String attribute, Object value, List<String> allowed) {
        if (!(value instanceof String s) || !allowed.contains(s)) {
            throw invalid(attribute, value, "is not one of " + allowed);
        }
    }

    private static GlanceRefusal invalid(String attribute, Object value, String why) {
        return GlanceRefusal.badRequest("Provided object does not match schema 'image': "
                + (value instanceof String ? "'" + value + "'" : String.valueOf(value)) + " " + why
                + "\n\nFailed validating '" + attribute + "' in schema['properties']['" + attribute + "']");
    }
}

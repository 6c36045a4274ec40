package org.stackratings.sandbox.api.volume.volumes;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code volume} of a create request as Cinder's schema reads it: size (an integer or a string of digits, at
 * least 1; may be absent when a snapshot, source volume or image gives it), name, description, metadata (strings),
 * availability zone, volume type and the origin ({@code snapshot_id}, {@code source_volid}, {@code imageRef}).
 * {@code error} is the 400 message when the request is invalid.
 */
record VolumeCreateRequest(Integer size, String name, String description, Map<String, String> metadata,
        String availabilityZone, String volumeType, String snapshotId, String sourceVolid, String imageRef,
        String error) {

    static VolumeCreateRequest parse(JsonObject body) {
        if (body == null || !(body.getValue("volume") instanceof JsonObject v)) {
            return invalid("Invalid input for field/attribute volume. Value: None. 'volume' is a required property");
        }
        Object sizeValue = v.getValue("size");
        Integer size = null;
        if (sizeValue instanceof Integer i) {
            size = i;
        } else if (sizeValue instanceof String s && s.matches("[0-9]{1,9}")) {
            size = Integer.parseInt(s);
        } else if (sizeValue != null) {
            return invalid("Invalid input for field/attribute size. Value: " + sizeValue
                    + ". Invalid volume size provided for create request: " + sizeValue
                    + " (size argument must be an integer (or string representation of an integer) and greater"
                    + " than zero).");
        }
        if (size != null && size < 1) {
            return invalid("Invalid input for field/attribute size. Value: " + size + ". " + size
                    + " is less than the minimum of 1");
        }
        String snapshot = v.getString("snapshot_id");
        String source = v.getString("source_volid");
        String image = v.getString("imageRef", v.getString("image_id"));
        if (size == null && snapshot == null && source == null && image == null) {
            return invalid("Invalid input received: Invalid volume size provided for create request: None (size"
                    + " argument must be an integer (or string representation of an integer) and greater than"
                    + " zero).");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Object given = v.getValue("metadata");
        if (given instanceof JsonObject m) {
            for (String key : m.fieldNames()) {
                if (!(m.getValue(key) instanceof String text) || key.isEmpty() || key.length() > 255
                        || text.length() > 255) {
                    return invalid("Invalid input for field/attribute metadata. Value: " + m.encode() + ".");
                }
                metadata.put(key, text);
            }
        } else if (given != null) {
            return invalid("Invalid input for field/attribute metadata. Value: " + given
                    + ". " + given + " is not of type 'object'");
        }
        String name = v.getString("name", v.getString("display_name"));
        if (name != null && name.length() > 255) {
            return invalid("Invalid input for field/attribute name. Value: " + name + ". is too long");
        }
        return new VolumeCreateRequest(size, name, v.getString("description", v.getString("display_description")),
                metadata, v.getString("availability_zone"), v.getString("volume_type"), snapshot, source, image,
                null);
    }

    private static VolumeCreateRequest invalid(String message) {
        return new VolumeCreateRequest(null, null, null, Map.of(), null, null, null, null, null, message);
    }
}

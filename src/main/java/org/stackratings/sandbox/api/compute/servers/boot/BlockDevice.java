package org.stackratings.sandbox.api.compute.servers.boot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.stackratings.sandbox.api.compute.NovaRefusal;

/**
 * One item of a server create's {@code block_device_mapping_v2}, as Nova's schema reads it: where the disk comes from
 * ({@code source_type} volume, image, snapshot or blank, with the {@code uuid} of the volume, image or snapshot), where
 * it goes ({@code destination_type} local or volume), its {@code boot_index} (null: not bootable), its
 * {@code volume_size} (GiB, null: the source's), {@code delete_on_termination} and {@code device_name}. Any other
 * member, or a value of the wrong type, is refused with Nova's 400 for that field.
 */
public record BlockDevice(String sourceType, String destinationType, String uuid, Integer bootIndex,
        Integer volumeSize, boolean deleteOnTermination, String deviceName) {

    private static final Set<String> SOURCES = Set.of("volume", "image", "snapshot", "blank");
    private static final Set<String> DESTINATIONS = Set.of("local", "volume");
    private static final Set<String> MEMBERS = Set.of("source_type", "destination_type", "uuid", "image_id",
            "boot_index", "volume_size", "delete_on_termination", "device_name", "guest_format", "device_type",
            "disk_bus", "no_device", "tag", "volume_type");
    private static final Pattern UUID_CHARACTERS = Pattern.compile("[a-zA-Z0-9._-]{1,255}");

    /** True for the disk the server boots from. */
    public boolean boots() {
        return bootIndex != null && bootIndex == 0;
    }

    /** True when the disk is a Cinder volume (attached to the server), false for a local disk of the hypervisor. */
    public boolean toVolume() {
        return "volume".equals(destinationType);
    }

    /** The mapping of {@code value} (absent: none); a {@link NovaRefusal} for the first field Nova's schema refuses. */
    public static List<BlockDevice> parse(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw NovaRefusal.invalid("block_device_mapping_v2", value);
        }
        List<BlockDevice> devices = new ArrayList<>();
        for (Object item : array) {
            if (!(item instanceof JsonObject o)) {
                throw NovaRefusal.invalid("block_device_mapping_v2", item);
            }
            devices.add(one(o));
        }
        return List.copyOf(devices);
    }

    private static BlockDevice one(JsonObject o) {
        for (String name : o.fieldNames()) {
            if (!MEMBERS.contains(name)) {
                throw new NovaRefusal(400, "Invalid input for field/attribute block_device_mapping_v2. Value: " + o
                        + ". Additional properties are not allowed ('" + name + "' was unexpected)");
            }
        }
        String source = choice(o.getValue("source_type"), "source_type", SOURCES);
        String destination = choice(o.getValue("destination_type"), "destination_type", DESTINATIONS);
        Object uuid = o.getValue("uuid");
        if (uuid != null && !(uuid instanceof String u && UUID_CHARACTERS.matcher(u).matches())) {
            throw NovaRefusal.invalid("uuid", uuid);
        }
        if (source == null) {
            throw invalidFormat("Missing source_type field.");
        }
        if (!"blank".equals(source) && uuid == null) {
            throw invalidFormat("Missing device UUID.");
        }
        Object delete = o.getValue("delete_on_termination");
        if (delete != null && !(delete instanceof Boolean)) {
            throw NovaRefusal.invalid("delete_on_termination", delete);
        }
        Object device = o.getValue("device_name");
        if (device != null && !(device instanceof String d && !d.isEmpty() && d.length() <= 255)) {
            throw NovaRefusal.invalid("device_name", device);
        }
        Integer size = integer(o.getValue("volume_size"), "volume_size");
        if (size != null && size < 1) {
            throw NovaRefusal.invalid("volume_size", size);
        }
        return new BlockDevice(source, destination == null ? "local" : destination, (String) uuid,
                integer(o.getValue("boot_index"), "boot_index"), size, Boolean.TRUE.equals(delete), (String) device);
    }

    /** Nova's 400 for a mapping its schema lets through but its block device code cannot read. */
    static NovaRefusal invalidFormat(String details) {
        return new NovaRefusal(400, "Block Device Mapping is Invalid: " + details);
    }

    private static String choice(Object value, String field, Set<String> allowed) {
        if (value != null && !(value instanceof String s && allowed.contains(s))) {
            throw new NovaRefusal(400, "Invalid input for field/attribute " + field + ". Value: " + value + ". '"
                    + value + "' is not one of " + allowed.stream().sorted().toList());
        }
        return (String) value;
    }

    private static Integer integer(Object value, String field) {
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        if (value instanceof String s && s.matches("-?[0-9]{1,9}")) {
            return Integer.valueOf(s);
        }
        throw NovaRefusal.invalid(field, value);
    }
}

package org.stackratings.sandbox.api.image.list;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.stackratings.sandbox.state.image.StoredImage;

/** The filters of an image list on one attribute or extra property: equality, or {@code in:a,b} where Glance has it. */
final class ImageListFilters {

    private static final Set<String> IN_OPERATOR = Set.of("id", "name", "status", "container_format", "disk_format");

    private ImageListFilters() {
    }

    static Predicate<StoredImage> attribute(String name, String value) {
        if (IN_OPERATOR.contains(name) && value.startsWith("in:")) {
            List<String> wanted = Arrays.stream(value.substring(3).split(","))
                    .map(v -> v.strip().replaceAll("^\"|\"$", "")).toList();
            return i -> wanted.contains(value(i, name));
        }
        String wanted = name.equals("name") || name.equals("status") || !value.startsWith("eq:") ? value
                : value.substring(3);
        return i -> Objects.equals(wanted, value(i, name));
    }

    /** The value of an attribute or extra property as text, as it is compared with a filter. */
    static String value(StoredImage i, String name) {
        var a = i.attributes();
        var c = i.content();
        Object value = switch (name) {
            case "id" -> i.id();
            case "name" -> a.name();
            case "status" -> i.status();
            case "owner" -> i.owner();
            case "visibility" -> a.visibility();
            case "container_format" -> a.containerFormat();
            case "disk_format" -> a.diskFormat();
            case "protected" -> a.isProtected();
            case "min_ram" -> a.minRam();
            case "min_disk" -> a.minDisk();
            case "size" -> c == null ? null : c.size();
            case "virtual_size" -> c == null ? null : c.virtualSize();
            case "checksum" -> c == null ? null : c.checksum();
            case "os_hash_value" -> c == null ? null : c.osHashValue();
            default -> a.properties().get(name);
        };
        return value == null ? null : String.valueOf(value);
    }
}

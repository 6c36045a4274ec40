package org.stackratings.sandbox.api.image.list;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.stackratings.sandbox.api.image.GlanceRefusal;
import org.stackratings.sandbox.state.image.StoredImage;

/**
 * The order of an image list: {@code sort_key} and {@code sort_dir} (repeatable), or {@code sort=key:dir,...};
 * {@code created_at} then {@code id} break ties, descending unless told; a missing value sorts first ascending.
 */
final class ImageSorting {

    static final List<String> KEYS = List.of("name", "status", "container_format", "disk_format", "size", "id",
            "created_at", "updated_at");

    private ImageSorting() {
    }

    private record Key(String name, boolean descending) {
    }

    static Comparator<StoredImage> parse(MultiMap params) {
        List<String> keys = params.getAll("sort_key");
        List<String> dirs = params.getAll("sort_dir");
        String sort = params.get("sort");
        List<Key> order = new ArrayList<>();
        if (sort != null) {
            if (!keys.isEmpty() || !dirs.isEmpty()) {
                throw GlanceRefusal.badRequest("The 'sort' parameter cannot be combined with 'sort_key' or "
                        + "'sort_dir'.");
            }
            for (String part : sort.split(",")) {
                String[] keyDir = part.strip().split(":", 2);
                order.add(new Key(key(keyDir[0].strip()), keyDir.length > 1 && descending(keyDir[1].strip())));
            }
        } else {
            if (dirs.size() > 1 && dirs.size() != keys.size()) {
                throw GlanceRefusal.badRequest("Number of sort dirs does not match the number of sort keys");
            }
            for (int k = 0; k < keys.size(); k++) {
                String dir = dirs.isEmpty() ? "desc" : dirs.get(dirs.size() == 1 ? 0 : k);
                order.add(new Key(key(keys.get(k)), descending(dir)));
            }
            if (keys.isEmpty() && dirs.size() == 1) {
                order.add(new Key("created_at", descending(dirs.get(0))));
            }
        }
        boolean lastDescending = order.isEmpty() || order.get(order.size() - 1).descending();
        order.add(new Key("created_at", lastDescending));
        order.add(new Key("id", lastDescending));
        Comparator<StoredImage> comparator = null;
        for (Key key : order) {
            Comparator<StoredImage> one = comparator(key.name());
            one = key.descending() ? one.reversed() : one;
            comparator = comparator == null ? one : comparator.thenComparing(one);
        }
        return comparator;
    }

    private static String key(String key) {
        if (!KEYS.contains(key)) {
            throw GlanceRefusal.badRequest("Invalid sort key: " + key + ". It must be one of the following: "
                    + String.join(", ", KEYS) + ".");
        }
        return key;
    }

    private static boolean descending(String dir) {
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw GlanceRefusal.badRequest("Invalid sort direction: " + dir);
        }
        return dir.equals("desc");
    }

    private static Comparator<StoredImage> comparator(String key) {
        return switch (key) {
            case "size" -> Comparator.comparing((StoredImage i) -> i.content() == null ? null : i.content().size(),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case "created_at" -> Comparator.comparing(StoredImage::createdAt);
            case "updated_at" -> Comparator.comparing(StoredImage::updatedAt);
            default -> Comparator.comparing((StoredImage i) -> ImageListFilters.value(i, key),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
        };
    }
}

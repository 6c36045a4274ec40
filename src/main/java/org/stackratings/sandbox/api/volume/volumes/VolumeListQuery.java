package org.stackratings.sandbox.api.volume.volumes;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.volume.StoredVolume;

/**
 * The filters of a volume list: {@code name}, {@code status}, {@code availability_zone}, {@code bootable} and
 * {@code metadata} (a dictionary every pair of which the volume must hold, given as JSON or as Python's literal,
 * which is what a client sends when it urlencodes a dict); the sort keys Cinder knows for volumes.
 */
final class VolumeListQuery {

    static final Map<String, Function<StoredVolume, Comparable<?>>> SORT_KEYS = Map.of(
            "created_at", StoredVolume::createdAt,
            "updated_at", v -> v.updatedAt() == null ? Instant.EPOCH : v.updatedAt(),
            "id", StoredVolume::id,
            "name", v -> v.attributes().name() == null ? "" : v.attributes().name(),
            "display_name", v -> v.attributes().name() == null ? "" : v.attributes().name(),
            "size", StoredVolume::size,
            "status", StoredVolume::status,
            "availability_zone", StoredVolume::availabilityZone,
            "bootable", StoredVolume::bootable);

    private VolumeListQuery() {
    }

    /** The filter of the request's query. */
    static Predicate<StoredVolume> filter(ApiRequest req) {
        Predicate<StoredVolume> filter = v -> true;
        String name = req.query("name") != null ? req.query("name") : req.query("display_name");
        if (name != null) {
            filter = filter.and(v -> name.equals(v.attributes().name()));
        }
        String status = req.query("status");
        if (status != null) {
            filter = filter.and(v -> status.equalsIgnoreCase(v.status()));
        }
        String zone = req.query("availability_zone");
        if (zone != null) {
            filter = filter.and(v -> zone.equals(v.availabilityZone()));
        }
        String bootable = req.query("bootable");
        if (bootable != null) {
            boolean wanted = bootable.equalsIgnoreCase("true") || bootable.equals("1");
            filter = filter.and(v -> v.bootable() == wanted);
        }
        String metadata = req.query("metadata");
        if (metadata != null) {
            JsonObject pairs = dictionary(metadata);
            filter = filter.and(v -> pairs.fieldNames().stream()
                    .allMatch(k -> String.valueOf(pairs.getValue(k)).equals(v.metadata().get(k))));
        }
        return filter;
    }

    private static JsonObject dictionary(String text) {
        try {
            return new JsonObject(text);
        } catch (DecodeException e) {
            try {
                return new JsonObject(text.replace('\'', '"'));
            } catch (DecodeException stillNot) {
                return new JsonObject().put("", "\u0000never");
            }
        }
    }

}

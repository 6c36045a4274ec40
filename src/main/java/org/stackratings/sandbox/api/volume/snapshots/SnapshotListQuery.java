package org.stackratings.sandbox.api.volume.snapshots;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.stackratings.sandbox.api.volume.CinderScope;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.volume.StoredSnapshot;

/**
 * The filters Cinder lets a member use on a snapshot list ({@code status}, {@code volume_id}, {@code name} and from
 * 3.22 {@code metadata}, a dictionary every pair of which the snapshot must hold; any other is ignored, as Cinder
 * drops it for a non-admin) and the sort keys of snapshots.
 */
final class SnapshotListQuery {

    static final Map<String, Function<StoredSnapshot, Comparable<?>>> SORT_KEYS = Map.of(
            "created_at", StoredSnapshot::createdAt,
            "updated_at", s -> s.updatedAt() == null ? Instant.EPOCH : s.updatedAt(),
            "id", StoredSnapshot::id,
            "name", s -> s.name() == null ? "" : s.name(),
            "display_name", s -> s.name() == null ? "" : s.name(),
            "status", StoredSnapshot::status,
            "volume_id", StoredSnapshot::volumeId,
            "volume_size", StoredSnapshot::size);

    private SnapshotListQuery() {
    }

    static Predicate<StoredSnapshot> filter(ApiRequest req) {
        Predicate<StoredSnapshot> filter = s -> true;
        String name = req.query("name");
        if (name != null) {
            filter = filter.and(s -> name.equals(s.name()));
        }
        String status = req.query("status");
        if (status != null) {
            filter = filter.and(s -> status.equals(s.status()));
        }
        String volume = req.query("volume_id");
        if (volume != null) {
            filter = filter.and(s -> volume.equals(s.volumeId()));
        }
        String metadata = req.query("metadata");
        if (metadata != null && CinderScope.version(req).atLeast(3, 22)) {
            JsonObject pairs = dictionary(metadata);
            filter = filter.and(s -> pairs.fieldNames().stream()
                    .allMatch(k -> String.valueOf(pairs.getValue(k)).equals(s.metadata().get(k))));
        }
        return filter;
    }

    /** The dictionary as JSON or as Python's literal (what a client sends when it urlencodes a dict). */
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

package org.stackratings.sandbox.api.compute.volumes;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.stackratings.sandbox.api.compute.NovaPaging;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.volume.StoredSnapshot;
import org.stackratings.sandbox.state.volume.StoredVolume;
import org.stackratings.sandbox.state.volume.VolumeAttributes;
import org.stackratings.sandbox.state.volume.VolumeOrigin;
import org.stackratings.sandbox.state.volume.VolumeQuotaCheck;
import org.stackratings.sandbox.state.volume.VolumeStore;
import org.stackratings.sandbox.state.volume.VolumeTypes;

/**
 * Nova's volume proxy up to microversion 2.35 (404 from 2.36, as Nova): {@code /os-volumes} list and
 * {@code /os-volumes/detail} (the same documents, newest first, {@code offset} and {@code limit}), create (200, an
 * empty volume or one of a snapshot, in creating; Cinder's quota refusal becomes Nova's 403), show and delete (202)
 * over the project's Cinder volumes: what Nova does by calling Cinder, on the same volumes Cinder's API shows.
 */
public final class VolumeProxyApi {

    /** The last microversion with the volume proxy. */
    static final int LAST_MINOR = 35;

    private static final Set<String> CREATE_FIELDS = Set.of("volume_type", "metadata", "snapshot_id", "size",
            "availability_zone", "display_name", "display_description");

    public void register(ServiceRoutes routes, String prefix) {
        String volumes = prefix + "/os-volumes";
        routes.get(volumes, NovaRefusal.answering(this::list));
        routes.get(volumes + "/detail", NovaRefusal.answering(this::list));
        routes.route(HttpMethod.POST, volumes, true, NovaRefusal.answering(this::create));
        routes.get(volumes + "/:volume_id", NovaRefusal.answering(this::show));
        routes.route(HttpMethod.DELETE, volumes + "/:volume_id", true, NovaRefusal.answering(this::delete));
    }

    private void list(ApiRequest req) {
        NovaRefusal.unlessAtMost(req, LAST_MINOR);
        List<StoredVolume> newestFirst = new ArrayList<>(req.cloud().volumes().volumes(project(req), req.now()));
        Collections.reverse(newestFirst);
        JsonArray list = new JsonArray();
        NovaPaging.limited(newestFirst, req.query("offset"), req.query("limit"))
                .forEach(v -> list.add(ProxyDocuments.volume(v)));
        req.ok(new JsonObject().put("volumes", list));
    }

    private void show(ApiRequest req) {
        NovaRefusal.unlessAtMost(req, LAST_MINOR);
        req.ok(new JsonObject().put("volume", ProxyDocuments.volume(existing(req))));
    }

    private void create(ApiRequest req) {
        NovaRefusal.unlessAtMost(req, LAST_MINOR);
        JsonObject body = req.jsonBody();
        if (body == null || !(body.getValue("volume") instanceof JsonObject v)) {
            throw new NovaRefusal(400, "Invalid input for field/attribute volume. Value: None. 'volume' is a required"
                    + " property");
        }
        v.fieldNames().stream().filter(f -> !CREATE_FIELDS.contains(f)).findFirst().ifPresent(f -> {
            throw new NovaRefusal(400, "Additional properties are not allowed ('" + f + "' was unexpected)");
        });
        int size = size(v.getValue("size"));
        VolumeStore store = req.cloud().volumes();
        String project = project(req);
        VolumeOrigin origin = VolumeOrigin.EMPTY;
        if (v.getValue("snapshot_id") instanceof String snapshotId) {
            StoredSnapshot snapshot = store.snapshot(project, snapshotId, req.now())
                    .orElseThrow(() -> new NovaRefusal(404, "Snapshot " + snapshotId + " could not be found."));
            if (size < snapshot.size()) {
                throw new NovaRefusal(400, "Invalid input received: Volume size '" + size + "' must be an integer"
                        + " and greater than 0 and at least the size of the snapshot (" + snapshot.size() + "GB).");
            }
            origin = new VolumeOrigin(snapshot.id(), null, null);
        }
        String zone = text(v, "availability_zone", "nova");
        if (!"nova".equals(zone)) {
            throw new NovaRefusal(400, "Invalid input received: Availability zone '" + zone + "' is invalid.");
        }
        VolumeTypes types = new VolumeTypes(req.cloud().name());
        String typeName = v.getValue("volume_type") instanceof String asked
                ? types.find(asked).orElseThrow(() -> new NovaRefusal(404, "Volume type " + asked
                        + " could not be found.")).name()
                : types.defaultType().name();
        VolumeQuotaCheck.refusal(store, project, req.now(), 1, 0, size).ifPresent(m -> {
            throw new NovaRefusal(403, m);
        });
        VolumeAttributes attributes = new VolumeAttributes(text(v, "display_name", null),
                text(v, "display_description", null), metadata(v.getValue("metadata")), false, null, Map.of());
        StoredVolume volume = store.add(VolumeStore.creatingVolume(UUID.randomUUID().toString(), project,
                req.token().user().id(), attributes, size, zone, typeName, origin, req.now()));
        req.putHeader("Location", req.serviceBase() + "/v2.1/os-volumes/" + volume.id());
        req.ok(new JsonObject().put("volume", ProxyDocuments.volume(volume)));
    }

    private void delete(ApiRequest req) {
        NovaRefusal.unlessAtMost(req, LAST_MINOR);
        StoredVolume volume = existing(req);
        VolumeStore store = req.cloud().volumes();
        if (!volume.deletable() || !store.snapshotsOf(volume.id(), req.now()).isEmpty()) {
            throw new NovaRefusal(400, "Invalid volume: Volume status must be available or error or error_restoring"
                    + " or error_extending or error_managing and must not be migrating, attached, belong to a group,"
                    + " have snapshots or be disassociated from snapshots after volume transfer.");
        }
        store.delete(volume.id(), false, req.now());
        req.reply(202, null);
    }

    private static StoredVolume existing(ApiRequest req) {
        String id = req.param("volume_id");
        return req.cloud().volumes().volume(project(req), id, req.now())
                .orElseThrow(() -> new NovaRefusal(404, "Volume " + id + " could not be found."));
    }

    static String project(ApiRequest req) {
        return req.token().projectId();
    }

    /** Nova's schema: an integer, or a string of digits; Cinder then refuses one below 1. */
    private static int size(Object value) {
        int size;
        if (value instanceof Integer i) {
            size = i;
        } else if (value instanceof String s && s.matches("[0-9]{1,9}")) {
            size = Integer.parseInt(s);
        } else if (value == null) {
            throw new NovaRefusal(400, "Invalid input for field/attribute volume. 'size' is a required property");
        } else {
            throw NovaRefusal.invalid("size", value);
        }
        if (size < 1) {
            throw new NovaRefusal(400, "Invalid input received: Invalid volume size provided for create request: "
                    + size + " (size argument must be an integer (or string representation of an integer) and"
                    + " greater than zero).");
        }
        return size;
    }

    private static String text(JsonObject v, String field, String absent) {
        Object value = v.getValue(field);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof String s)) {
            throw NovaRefusal.invalid(field, value);
        }
        return s;
    }

    private static Map<String, String> metadata(Object given) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (given == null) {
            return pairs;
        }
        if (!(given instanceof JsonObject m)) {
            throw NovaRefusal.invalid("metadata", given);
        }
        for (String key : m.fieldNames()) {
            if (!(m.getValue(key) instanceof String value) || key.isEmpty() || key.length() > 255
                    || value.length() > 255) {
                throw NovaRefusal.invalid("metadata", m.encode());
            }
            pairs.put(key, value);
        }
        return pairs;
    }
}

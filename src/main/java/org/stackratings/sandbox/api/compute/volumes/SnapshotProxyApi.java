package org.stackratings.sandbox.api.compute.volumes;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
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
import org.stackratings.sandbox.state.volume.VolumeQuotaCheck;
import org.stackratings.sandbox.state.volume.VolumeStore;

/**
 * Nova's snapshot proxy up to microversion 2.35 (404 from 2.36): {@code /os-snapshots} list and detail (newest
 * first, {@code offset} and {@code limit}), create (200; the volume must be available, or in-use with
 * {@code force}; Cinder's quota refusal becomes Nova's 403), show and delete (202; available or error only) over the
 * project's Cinder snapshots.
 */
public final class SnapshotProxyApi {

    private static final Set<String> CREATE_FIELDS = Set.of("volume_id", "force", "display_name",
            "display_description");
    private static final Set<String> DELETABLE = Set.of("available", "error");

    public void register(ServiceRoutes routes, String prefix) {
        String snapshots = prefix + "/os-snapshots";
        routes.get(snapshots, NovaRefusal.answering(this::list));
        routes.get(snapshots + "/detail", NovaRefusal.answering(this::list));
        routes.route(HttpMethod.POST, snapshots, true, NovaRefusal.answering(this::create));
        routes.get(snapshots + "/:snapshot_id", NovaRefusal.answering(this::show));
        routes.route(HttpMethod.DELETE, snapshots + "/:snapshot_id", true, NovaRefusal.answering(this::delete));
    }

    private void list(ApiRequest req) {
        NovaRefusal.unlessAtMost(req, VolumeProxyApi.LAST_MINOR);
        List<StoredSnapshot> newestFirst = new ArrayList<>(req.cloud().volumes()
                .snapshots(VolumeProxyApi.project(req), req.now()));
        Collections.reverse(newestFirst);
        JsonArray list = new JsonArray();
        NovaPaging.limited(newestFirst, req.query("offset"), req.query("limit"))
                .forEach(s -> list.add(ProxyDocuments.snapshot(s)));
        req.ok(new JsonObject().put("snapshots", list));
    }

    private void show(ApiRequest req) {
        NovaRefusal.unlessAtMost(req, VolumeProxyApi.LAST_MINOR);
        req.ok(new JsonObject().put("snapshot", ProxyDocuments.snapshot(existing(req))));
    }

    private void create(ApiRequest req) {
        NovaRefusal.unlessAtMost(req, VolumeProxyApi.LAST_MINOR);
        JsonObject body = req.jsonBody();
        if (body == null || !(body.getValue("snapshot") instanceof JsonObject s)) {
            throw new NovaRefusal(400, "Invalid input for field/attribute snapshot. Value: None. 'snapshot' is a"
                    + " required property");
        }
        s.fieldNames().stream().filter(f -> !CREATE_FIELDS.contains(f)).findFirst().ifPresent(f -> {
            throw new NovaRefusal(400, "Additional properties are not allowed ('" + f + "' was unexpected)");
        });
        if (!(s.getValue("volume_id") instanceof String volumeId)) {
            throw new NovaRefusal(400, "Invalid input for field/attribute snapshot. 'volume_id' is a required"
                    + " property");
        }
        boolean force = force(s.getValue("force"));
        VolumeStore store = req.cloud().volumes();
        String project = VolumeProxyApi.project(req);
        StoredVolume volume = store.volume(project, volumeId, req.now())
                .orElseThrow(() -> new NovaRefusal(404, "Volume " + volumeId + " could not be found."));
        Set<String> valid = force ? Set.of("available", "in-use") : Set.of("available");
        if (!valid.contains(volume.status())) {
            throw new NovaRefusal(400, "Invalid volume: Volume " + volume.id() + " status must be "
                    + String.join(", ", valid.stream().sorted().toList()) + ", but current status is: "
                    + volume.status() + ".");
        }
        VolumeQuotaCheck.refusal(store, project, req.now(), 0, 1, volume.size()).ifPresent(m -> {
            throw new NovaRefusal(403, m);
        });
        StoredSnapshot snapshot = store.addSnapshot(VolumeStore.creatingSnapshot(UUID.randomUUID().toString(),
                volume, req.token().user().id(), text(s, "display_name"), text(s, "display_description"), Map.of(),
                req.now()));
        req.ok(new JsonObject().put("snapshot", ProxyDocuments.snapshot(snapshot)));
    }

    private void delete(ApiRequest req) {
        NovaRefusal.unlessAtMost(req, VolumeProxyApi.LAST_MINOR);
        StoredSnapshot snapshot = existing(req);
        if (!DELETABLE.contains(snapshot.status())) {
            throw new NovaRefusal(400, "Invalid snapshot: Volume Snapshot status must be available or error and"
                    + " must not be part of a group.");
        }
        req.cloud().volumes().deleteSnapshot(snapshot.id(), req.now());
        req.reply(202, null);
    }

    private static StoredSnapshot existing(ApiRequest req) {
        String id = req.param("snapshot_id");
        return req.cloud().volumes().snapshot(VolumeProxyApi.project(req), id, req.now())
                .orElseThrow(() -> new NovaRefusal(404, "Snapshot " + id + " could not be found."));
    }

    /** Nova's {@code parameter_types.boolean}: true, false or their usual spellings; absent is false. */
    private static boolean force(Object value) {
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        String text = String.valueOf(value).toLowerCase(java.util.Locale.ROOT);
        if (Set.of("true", "1", "yes", "on", "y", "t").contains(text)) {
            return true;
        }
        if (Set.of("false", "0", "no", "off", "n", "f").contains(text)) {
            return false;
        }
        throw NovaRefusal.invalid("force", value);
    }

    private static String text(JsonObject s, String field) {
        Object value = s.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw NovaRefusal.invalid(field, value);
        }
        return (String) value;
    }
}

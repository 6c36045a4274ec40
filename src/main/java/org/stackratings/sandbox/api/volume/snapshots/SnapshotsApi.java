package org.stackratings.sandbox.api.volume.snapshots;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.stackratings.sandbox.api.volume.CinderPage;
import org.stackratings.sandbox.api.volume.CinderRefusal;
import org.stackratings.sandbox.api.volume.CinderScope;
import org.stackratings.sandbox.api.volume.MetadataApi;
import org.stackratings.sandbox.state.volume.VolumeQuotaCheck;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.volume.StoredSnapshot;
import org.stackratings.sandbox.state.volume.StoredVolume;
import org.stackratings.sandbox.state.volume.VolumeStore;

/**
 * Cinder's snapshots of the project: list and detail (filters of {@link SnapshotListQuery}, sort, marker, offset,
 * limit, {@code with_count} from 3.45), show, create (the volume must be available, or in-use with {@code force}, or
 * from 3.66 in-use without it; creating, then available a {@link VolumeStore#STEP} later on the sandbox clock; within
 * the snapshot and gigabyte quotas), update (name, description), delete (available or error only; deleting, then
 * gone) and their metadata.
 */
public final class SnapshotsApi {

    private static final Pattern UUID_FORMAT = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    private static final List<String> CREATE_FIELDS = List.of("name", "display_name", "description", "volume_id",
            "force", "metadata");
    private static final List<String> UPDATE_FIELDS = List.of("name", "display_name", "description",
            "display_description");
    private static final Set<String> TRUE = Set.of("True", "TRUE", "true", "1", "ON", "On", "on", "YES", "Yes",
            "yes", "y", "t");
    private static final Set<String> FALSE = Set.of("False", "FALSE", "false", "0", "OFF", "Off", "off", "NO", "No",
            "no", "n", "f");

    private final MetadataApi metadata = new MetadataApi("snapshot_id", "snapshot", new MetadataApi.Access() {
        @Override
        public Optional<Map<String, String>> read(ApiRequest req, String id) {
            return find(req, id).map(StoredSnapshot::metadata);
        }

        @Override
        public Optional<Map<String, String>> write(ApiRequest req, String id, Map<String, String> pairs) {
            return req.cloud().volumes().updateSnapshot(id, s -> s.withMetadata(pairs, req.now()), req.now())
                    .map(StoredSnapshot::metadata);
        }
    }, (id, key) -> "Snapshot " + id + " has no metadata with key " + key + ".");

    public void register(ServiceRoutes routes) {
        String snapshots = "/v3/:project_id/snapshots";
        routes.get(snapshots, req -> list(req, false));
        routes.get(snapshots + "/detail", req -> list(req, true));
        routes.route(HttpMethod.POST, snapshots, true, CinderRefusal.answering(this::create));
        routes.get(snapshots + "/:snapshot_id", this::show);
        routes.route(HttpMethod.PUT, snapshots + "/:snapshot_id", true, CinderRefusal.answering(this::update));
        routes.route(HttpMethod.DELETE, snapshots + "/:snapshot_id", true, CinderRefusal.answering(this::delete));
        metadata.register(routes, snapshots + "/:snapshot_id");
    }

    private static Optional<StoredSnapshot> find(ApiRequest req, String id) {
        return req.cloud().volumes().snapshot(CinderScope.project(req), id, req.now());
    }

    private static StoredSnapshot existing(ApiRequest req) {
        String id = req.param("snapshot_id");
        return find(req, id).orElseThrow(() -> new CinderRefusal(404, "Snapshot " + id + " could not be found."));
    }

    private void list(ApiRequest req, boolean detail) {
        if (CinderScope.wrongProject(req, "volume:get_all_snapshots")) {
            return;
        }
        List<StoredSnapshot> all = req.cloud().volumes().snapshots(CinderScope.project(req), req.now()).stream()
                .filter(SnapshotListQuery.filter(req)).toList();
        CinderPage<StoredSnapshot> page = CinderPage.of(req, all, StoredSnapshot::id, SnapshotListQuery.SORT_KEYS,
                detail ? "/snapshots/detail" : "/snapshots", "snapshot");
        if (page.failed(req)) {
            return;
        }
        JsonArray list = new JsonArray();
        page.items().forEach(s -> list.add(detail ? SnapshotDocuments.shown(req, s) : SnapshotDocuments.summary(s)));
        JsonObject body = new JsonObject().put("snapshots", list);
        if (page.links() != null) {
            body.put("snapshots_links", page.links());
        }
        if (CinderScope.version(req).atLeast(3, 45) && TRUE.contains(String.valueOf(req.query("with_count")))) {
            body.put("count", all.size());
        }
        req.ok(body);
    }

    private void show(ApiRequest req) {
        if (CinderScope.wrongProject(req, "volume:get_snapshot")) {
            return;
        }
        Optional<StoredSnapshot> snapshot = find(req, req.param("snapshot_id"));
        if (snapshot.isEmpty()) {
            req.fail(404, "Snapshot " + req.param("snapshot_id") + " could not be found.");
            return;
        }
        req.ok(new JsonObject().put("snapshot", SnapshotDocuments.shown(req, snapshot.get())));
    }

    /** The {@code snapshot} object of a create or update body, of no other fields than {@code known}. */
    private static JsonObject body(ApiRequest req, List<String> known) {
        JsonObject body = req.jsonBody();
        if (body == null || !(body.getValue("snapshot") instanceof JsonObject s)) {
            throw CinderRefusal.invalidField("snapshot", null, "'snapshot' is a required property");
        }
        for (String field : s.fieldNames()) {
            if (!known.contains(field)) {
                throw CinderRefusal.invalidField("snapshot", s.encode(), "Additional properties are not allowed ('"
                        + field + "' was unexpected)");
            }
        }
        for (String field : List.of("name", "display_name", "description", "display_description")) {
            Object value = s.getValue(field);
            if (value != null && !(value instanceof String)) {
                throw CinderRefusal.invalidField(field, value, value + " is not of type 'string', 'null'");
            }
            if (value instanceof String text && text.length() > 255) {
                throw CinderRefusal.invalidField(field, text, "'" + text + "' is too long");
            }
        }
        return s;
    }

    private void create(ApiRequest req) {
        if (CinderScope.wrongProject(req, "volume:create_snapshot")) {
            return;
        }
        JsonObject s = body(req, CREATE_FIELDS);
        if (!s.containsKey("volume_id")) {
            throw CinderRefusal.invalidField("snapshot", s.encode(), "'volume_id' is a required property");
        }
        Object volumeId = s.getValue("volume_id");
        if (volumeId != null && !(volumeId instanceof String id && UUID_FORMAT.matcher(id).matches())) {
            throw CinderRefusal.invalidField("volume_id", volumeId, volumeId
                    + " is not valid under any of the given schemas");
        }
        Map<String, String> pairs = metadata(s.getValue("metadata"));
        Boolean force = force(s);
        VolumeStore store = req.cloud().volumes();
        String project = CinderScope.project(req);
        StoredVolume volume = (volumeId == null ? Optional.<StoredVolume>empty()
                : store.volume(project, (String) volumeId, req.now()))
                .orElseThrow(() -> new CinderRefusal(404, "Volume " + volumeId + " could not be found."));
        boolean inUseAllowed = Boolean.TRUE.equals(force);
        if (CinderScope.version(req).atLeast(3, 66)) {
            if (Boolean.FALSE.equals(force)) {
                throw new CinderRefusal(400, "Since microversion 3.66 the 'force' flag is invalid for this request."
                        + "  For backward compatability, however, when the 'force' flag is passed with a value"
                        + " evaluating to True, it is silently ignored.");
            }
            inUseAllowed = true;
        }
        if ("error".equals(volume.status())) {
            throw CinderRefusal.invalidVolume("The snapshot cannot be created when the volume is in error status.");
        }
        Set<String> valid = inUseAllowed ? Set.of("available", "in-use") : Set.of("available");
        if (!valid.contains(volume.status())) {
            throw CinderRefusal.invalidVolume("Volume " + volume.id() + " status must be "
                    + (inUseAllowed ? "available, in-use" : "available") + ", but current status is: "
                    + volume.status() + ".");
        }
        VolumeQuotaCheck.refusal(store, project, req.now(), 0, 1, volume.size()).ifPresent(m -> {
            throw new CinderRefusal(413, m);
        });
        String name = s.getString("name", s.getString("display_name"));
        StoredSnapshot snapshot = store.addSnapshot(VolumeStore.creatingSnapshot(UUID.randomUUID().toString(),
                volume, req.token().user().id(), name, s.getString("description"), pairs, req.now()));
        req.reply(202, new JsonObject().put("snapshot", SnapshotDocuments.detail(req, snapshot)));
    }

    /** The {@code force} flag (Cinder's {@code parameter_types.boolean}); null when absent. */
    private static Boolean force(JsonObject s) {
        Object value = s.getValue("force");
        if (value == null && !s.containsKey("force")) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String text && (TRUE.contains(text) || FALSE.contains(text))) {
            return TRUE.contains(text);
        }
        throw CinderRefusal.invalidField("force", value, value + " is not one of [True, 'True', 'true', ...,"
                + " False, 'False', 'false', ...]");
    }

    private static Map<String, String> metadata(Object given) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (given == null) {
            return pairs;
        }
        if (!(given instanceof JsonObject m)) {
            throw CinderRefusal.invalidField("metadata", given, given + " is not of type 'object', 'null'");
        }
        for (String key : m.fieldNames()) {
            if (!(m.getValue(key) instanceof String text) || key.isEmpty() || key.length() > 255
                    || text.length() > 255) {
                throw CinderRefusal.invalidField("metadata", m.encode(), "");
            }
            pairs.put(key, text);
        }
        return pairs;
    }

    private void update(ApiRequest req) {
        if (CinderScope.wrongProject(req, "volume:update_snapshot")) {
            return;
        }
        JsonObject s = body(req, UPDATE_FIELDS);
        if (s.isEmpty()) {
            throw CinderRefusal.invalidField("snapshot", "{}", "{} is not valid under any of the given schemas");
        }
        StoredSnapshot snapshot = existing(req);
        String name = s.containsKey("name") ? s.getString("name")
                : s.containsKey("display_name") ? s.getString("display_name") : snapshot.name();
        String description = s.containsKey("description") ? s.getString("description")
                : s.containsKey("display_description") ? s.getString("display_description")
                : snapshot.description();
        req.cloud().volumes().updateSnapshot(snapshot.id(), x -> x.withText(name, description, req.now()), req.now())
                .ifPresent(x -> req.ok(new JsonObject().put("snapshot", SnapshotDocuments.detail(req, x))));
    }

    private void delete(ApiRequest req) {
        if (CinderScope.wrongProject(req, "volume:delete_snapshot")) {
            return;
        }
        StoredSnapshot snapshot = existing(req);
        if (!"available".equals(snapshot.status()) && !"error".equals(snapshot.status())) {
            throw new CinderRefusal(400, "Invalid snapshot: Snapshot status must be available or error and must not"
                    + " be part of a group.");
        }
        req.cloud().volumes().deleteSnapshot(snapshot.id(), req.now());
        req.reply(202, null);
    }
}

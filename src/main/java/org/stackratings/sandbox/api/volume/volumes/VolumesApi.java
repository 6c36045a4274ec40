package org.stackratings.sandbox.api.volume.volumes;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.stackratings.sandbox.api.volume.CinderPage;
import org.stackratings.sandbox.api.volume.CinderScope;
import org.stackratings.sandbox.api.volume.MetadataApi;
import org.stackratings.sandbox.state.volume.VolumeQuotaCheck;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.volume.StoredVolume;
import org.stackratings.sandbox.state.volume.VolumeAttributes;
import org.stackratings.sandbox.state.volume.VolumeStore;
import org.stackratings.sandbox.state.volume.VolumeTypes;

/**
 * Cinder's volumes of the project: list and detail (filters, sort, paging), summary (3.12), show, create (empty, from
 * a snapshot, a clone of a volume or from an image; creating, then available), update, delete (deleting, then gone;
 * {@code cascade=true} deletes the snapshots too) and their metadata.
 */
public final class VolumesApi {

    private final MetadataApi metadata = new MetadataApi("volume_id", "volume", new MetadataApi.Access() {
        @Override
        public Optional<Map<String, String>> read(ApiRequest req, String id) {
            return find(req, id).map(StoredVolume::metadata);
        }

        @Override
        public Optional<Map<String, String>> write(ApiRequest req, String id, Map<String, String> pairs) {
            return req.cloud().volumes().update(id, a -> a.withMetadata(pairs), req.now())
                    .map(StoredVolume::metadata);
        }
    });

    public void register(ServiceRoutes routes) {
        String volumes = "/v3/:project_id/volumes";
        routes.get(volumes, req -> list(req, false));
        routes.get(volumes + "/detail", req -> list(req, true));
        routes.get(volumes + "/summary", this::summary);
        routes.route(HttpMethod.POST, volumes, true, this::create);
        routes.get(volumes + "/:volume_id", this::show);
        routes.route(HttpMethod.PUT, volumes + "/:volume_id", true, this::update);
        routes.route(HttpMethod.DELETE, volumes + "/:volume_id", true, this::delete);
        metadata.register(routes, volumes + "/:volume_id");
    }

    static Optional<StoredVolume> find(ApiRequest req, String id) {
        return req.cloud().volumes().volume(CinderScope.project(req), id, req.now());
    }

    private static boolean missing(ApiRequest req, Optional<StoredVolume> volume) {
        if (volume.isEmpty()) {
            req.fail(404, "Volume " + req.param("volume_id") + " could not be found.");
            return true;
        }
        return false;
    }

    private void list(ApiRequest req, boolean detail) {
        if (CinderScope.wrongProject(req, "volume:get_all")) {
            return;
        }
        List<StoredVolume> all = req.cloud().volumes().volumes(CinderScope.project(req), req.now()).stream()
                .filter(VolumeListQuery.filter(req)).toList();
        CinderPage<StoredVolume> page = CinderPage.of(req, all, StoredVolume::id, VolumeListQuery.SORT_KEYS,
                detail ? "/volumes/detail" : "/volumes", "volume");
        if (page.failed(req)) {
            return;
        }
        JsonArray list = new JsonArray();
        page.items().forEach(v -> list.add(detail ? VolumeDocuments.detail(req, v) : VolumeDocuments.summary(req, v)));
        JsonObject body = new JsonObject().put("volumes", list);
        if (page.links() != null) {
            body.put("volumes_links", page.links());
        }
        req.ok(body);
    }

    private void summary(ApiRequest req) {
        if (CinderScope.wrongProject(req, "volume:get_all")) {
            return;
        }
        if (!CinderScope.version(req).atLeast(3, 12)) {
            req.fail(404, "Volume summary could not be found.");
            return;
        }
        List<StoredVolume> all = req.cloud().volumes().volumes(CinderScope.project(req), req.now());
        JsonObject summary = new JsonObject().put("total_size", all.stream().mapToInt(StoredVolume::size).sum())
                .put("total_count", all.size());
        if (CinderScope.version(req).atLeast(3, 36)) {
            JsonObject metadata = new JsonObject();
            all.forEach(v -> v.metadata().forEach((k, value) -> {
                JsonArray values = metadata.getJsonArray(k, new JsonArray());
                if (!values.contains(value)) {
                    values.add(value);
                }
                metadata.put(k, values);
            }));
            summary.put("metadata", metadata);
        }
        req.ok(new JsonObject().put("volume-summary", summary));
    }

    private void show(ApiRequest req) {
        if (CinderScope.wrongProject(req, "volume:get")) {
            return;
        }
        Optional<StoredVolume> volume = find(req, req.param("volume_id"));
        if (!missing(req, volume)) {
            req.ok(new JsonObject().put("volume", VolumeDocuments.detail(req, volume.get())));
        }
    }

    private void create(ApiRequest req) {
        if (CinderScope.wrongProject(req, "volume:create")) {
            return;
        }
        VolumeCreateRequest create = VolumeCreateRequest.parse(req.jsonBody());
        if (create.error() != null) {
            req.fail(400, create.error());
            return;
        }
        String zone = create.availabilityZone() == null ? "nova" : create.availabilityZone();
        if (!"nova".equals(zone)) {
            req.fail(400, "Invalid input received: Availability zone '" + zone + "' is invalid.");
            return;
        }
        VolumeTypes types = new VolumeTypes(req.cloud().name());
        Optional<VolumeTypes.VolumeType> type = create.volumeType() == null ? Optional.of(types.defaultType())
                : types.find(create.volumeType());
        if (type.isEmpty()) {
            req.fail(404, "Volume type with name " + create.volumeType() + " could not be found.");
            return;
        }
        VolumeCreation made = VolumeCreation.resolve(req, create);
        if (made.error() != null) {
            req.fail(made.status(), made.error());
            return;
        }
        VolumeStore store = req.cloud().volumes();
        String project = CinderScope.project(req);
        Optional<String> over = VolumeQuotaCheck.refusal(store, project, req.now(), 1, 0, made.size());
        if (over.isPresent()) {
            req.fail(413, over.get());
            return;
        }
        StoredVolume volume = store.add(VolumeStore.creatingVolume(UUID.randomUUID().toString(), project,
                req.token().user().id(), made.attributes(), made.size(), zone, type.get().name(), made.origin(),
                req.now()));
        req.reply(202, new JsonObject().put("volume", VolumeDocuments.written(req, volume)));
    }

    private void update(ApiRequest req) {
        if (CinderScope.wrongProject(req, "volume:update")) {
            return;
        }
        JsonObject body = req.jsonBody();
        if (body == null || !(body.getValue("volume") instanceof JsonObject changes)) {
            req.fail(400, "Invalid input for field/attribute volume. 'volume' is a required property");
            return;
        }
        if (missing(req, find(req, req.param("volume_id")))) {
            return;
        }
        if (changes.getValue("metadata") != null && !(changes.getValue("metadata") instanceof JsonObject)) {
            req.fail(400, "Invalid input for field/attribute metadata. It is not of type 'object'");
            return;
        }
        Optional<StoredVolume> updated = req.cloud().volumes().update(req.param("volume_id"), a -> {
            VolumeAttributes changed = a;
            for (String field : new String[] {"name", "display_name"}) {
                if (changes.containsKey(field)) {
                    changed = changed.withName(changes.getString(field));
                }
            }
            for (String field : new String[] {"description", "display_description"}) {
                if (changes.containsKey(field)) {
                    changed = changed.withDescription(changes.getString(field));
                }
            }
            if (changes.getValue("metadata") instanceof JsonObject m) {
                Map<String, String> pairs = new java.util.LinkedHashMap<>();
                m.forEach(e -> pairs.put(e.getKey(), String.valueOf(e.getValue())));
                changed = changed.withMetadata(pairs);
            }
            return changed;
        }, req.now());
        updated.ifPresent(v -> req.ok(new JsonObject().put("volume", VolumeDocuments.written(req, v))));
    }

    private void delete(ApiRequest req) {
        if (CinderScope.wrongProject(req, "volume:delete")) {
            return;
        }
        Optional<StoredVolume> volume = find(req, req.param("volume_id"));
        if (missing(req, volume)) {
            return;
        }
        boolean cascade = "true".equalsIgnoreCase(req.query("cascade"));
        boolean hasSnapshots = !req.cloud().volumes().snapshotsOf(volume.get().id(), req.now()).isEmpty();
        if (!volume.get().deletable() || (hasSnapshots && !cascade)) {
            req.fail(400, "Invalid volume: Volume status must be available or error or error_restoring or"
                    + " error_extending or error_managing and must not be migrating, attached, belong to a group,"
                    + " have snapshots, awaiting a transfer, or be disassociated from snapshots after volume"
                    + " transfer.");
            return;
        }
        req.cloud().volumes().delete(volume.get().id(), cascade, req.now());
        req.reply(202, null);
    }
}

package org.stackratings.sandbox.api.compute.servers.actions;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.stackratings.sandbox.api.compute.ComputeApi;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.api.compute.servers.ActionHistory;
import org.stackratings.sandbox.api.compute.servers.RequestedServer;
import org.stackratings.sandbox.api.compute.servers.ServerFields;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.SimulatedServer;
import org.stackratings.sandbox.state.image.ImageAttributes;
import org.stackratings.sandbox.state.image.ImageContent;
import org.stackratings.sandbox.state.image.StoredImage;

/**
 * The {@code createImage} action (a server snapshot) and {@code createBackup} ({@link #backup}): a private
 * Glance image of the project, {@code queued}, then {@code saving}, then {@code active} after {@link #TIME} on the sandbox clock, with the base image's properties,
 * Nova's snapshot properties ({@code image_type=snapshot}, {@code instance_uuid}, ...) and the request's metadata
 * over them; its minimum RAM is the base image's, its minimum disk the larger of the base image's and the flavor's
 * disk. The server keeps its status with task state {@code image_snapshot} ({@code image_backup}) meanwhile, so a second snapshot is
 * Nova's 409. The answer is 202 with the image's {@code Location}, and from 2.45 {@code {"image_id": ...}} instead.
 */
final class SnapshotAction {

    static final Duration TIME = Duration.ofSeconds(2);

    /** {@code createImage}: a snapshot named {@code name}, with optional {@code metadata}. */
    void apply(ApiRequest req, Object argument) {
        if (!(argument instanceof JsonObject body)) {
            throw NovaRefusal.invalid("createImage", argument);
        }
        String name = ServerFields.name(body.getValue("name"));
        Map<String, String> metadata = metadata(body);
        SimulatedServer server = RequestedServer.unlocked(req);
        ServerStates.require(server, "createImage", "active", "stopped", "paused", "suspended");
        answer(req, snapshot(req, server, name, Map.of("image_type", "snapshot"), metadata, "createImage"));
    }

    /**
     * {@code createBackup}: a snapshot with {@code image_type=backup} and the {@code backup_type}; the server's
     * backups of that type beyond the newest {@code rotation} (the new one counted) are deleted. With rotation 0 no
     * image is kept and the answer names none.
     */
    void backup(ApiRequest req, Object argument) {
        if (!(argument instanceof JsonObject body)) {
            throw NovaRefusal.invalid("createBackup", argument);
        }
        String name = ServerFields.name(body.getValue("name"));
        if (!(body.getValue("backup_type") instanceof String type) || type.isEmpty() || type.length() > 255) {
            throw NovaRefusal.invalid("backup_type", body.getValue("backup_type"));
        }
        Object rotationValue = body.getValue("rotation");
        Integer rotation = rotationValue instanceof Integer i ? i
                : rotationValue instanceof String t && t.matches("[0-9]{1,9}") ? Integer.valueOf(t) : null;
        if (rotation == null || rotation < 0) {
            throw NovaRefusal.invalid("rotation", rotationValue);
        }
        Map<String, String> metadata = metadata(body);
        SimulatedServer server = RequestedServer.unlocked(req);
        ServerStates.require(server, "createBackup", "active", "stopped", "paused", "suspended");
        rotate(req, server.id(), type, Math.max(rotation - 1, 0));
        if (rotation == 0) {
            req.reply(202, null);
            return;
        }
        answer(req, snapshot(req, server, name, Map.of("image_type", "backup", "backup_type", type), metadata,
                "createBackup"));
    }

    private static Map<String, String> metadata(JsonObject body) {
        Map<String, String> metadata = ServerFields.metadata(body.getValue("metadata"));
        if (metadata.size() > ServerFields.MAX_METADATA_ITEMS) {
            throw new NovaRefusal(403, "Image metadata limit exceeded");
        }
        return metadata;
    }

    /** Deletes the server's backups of {@code type} but the newest {@code keep}. */
    private static void rotate(ApiRequest req, String serverId, String type, int keep) {
        List<StoredImage> backups = req.cloud().images().list().stream()
                .filter(i -> serverId.equals(i.attributes().properties().get("instance_uuid")))
                .filter(i -> "backup".equals(i.attributes().properties().get("image_type")))
                .filter(i -> type.equals(i.attributes().properties().get("backup_type")))
                .sorted(java.util.Comparator.comparing(StoredImage::createdAt))
                .toList();
        for (int i = 0; i < backups.size() - keep; i++) {
            req.cloud().images().remove(backups.get(i).id());
        }
    }

    private static StoredImage snapshot(ApiRequest req, SimulatedServer server, String name,
            Map<String, String> kind, Map<String, String> metadata, String action) {
        Map<String, String> properties = new LinkedHashMap<>(kind);
        properties.putAll(metadata);
        StoredImage image = req.cloud().images().snapshot(image(req, server, name, properties),
                content(req, server), TIME)
                .orElseThrow(() -> new NovaRefusal(403, "Quota exceeded for resources: ['images']"));
        var record = ActionHistory.of(req, action, "compute_snapshot_instance", TIME, false);
        RequestedServer.modify(req, server.id(), r -> {
            r.record(record);
            r.begin(server.status(), "backup".equals(kind.get("image_type")) ? "image_backup" : "image_snapshot",
                    TIME, req.now(), done -> { });
        });
        return image;
    }

    private static void answer(ApiRequest req, StoredImage image) {
        if (ComputeApi.microversion(req).atLeast(2, 45)) {
            req.reply(202, new JsonObject().put("image_id", image.id()));
            return;
        }
        req.putHeader("Location", req.cloudBase() + "/image/images/" + image.id());
        req.reply(202, null);
    }

    private static StoredImage image(ApiRequest req, SimulatedServer server, String name,
            Map<String, String> extra) {
        String project = req.token() == null || req.token().projectId() == null
                ? req.profile().project().id() : req.token().projectId();
        var base = req.cloud().images().find(server.imageId());
        Map<String, String> properties = new LinkedHashMap<>(base.map(b -> b.attributes().properties())
                .orElse(Map.of()));
        properties.keySet().removeAll(java.util.Set.of("image_type", "backup_type"));
        properties.put("instance_uuid", server.id());
        properties.put("base_image_ref", server.imageId());
        properties.put("image_location", "snapshot");
        properties.put("image_state", "available");
        properties.put("owner_project_name", req.profile().project().name());
        if (req.token() != null) {
            properties.put("user_id", req.token().user().id());
        }
        properties.putAll(extra);
        int flavorDisk = req.inventory().flavor(server.flavorId()).map(f -> f.diskGb()).orElse(0);
        int minDisk = Math.max(flavorDisk, base.map(b -> b.attributes().minDisk()).orElse(0));
        int minRam = base.map(b -> b.attributes().minRam()).orElse(0);
        String diskFormat = base.map(b -> b.attributes().diskFormat()).orElse("qcow2");
        ImageAttributes attributes = new ImageAttributes(name, "private", false, false, diskFormat, "bare", minDisk,
                minRam, List.of(), properties);
        return new StoredImage(UUID.randomUUID().toString(), project, "queued", attributes, null, req.now(),
                req.now());
    }

    /** What Glance knows of the snapshot's data once uploaded (the data itself is not held). */
    private static ImageContent content(ApiRequest req, SimulatedServer server) {
        long size = req.cloud().images().find(server.imageId()).map(StoredImage::content)
                .map(ImageContent::size).orElse(1L << 20);
        String seed = UUID.nameUUIDFromBytes((server.id() + req.now()).getBytes()).toString().replace("-", "");
        return new ImageContent(size, size, seed, "sha512", (seed + seed + seed + seed));
    }
}

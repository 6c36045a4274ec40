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
 * The {@code createImage} action (a server snapshot): a private Glance image of the project, {@code queued}, then
 * {@code saving}, then {@code active} after {@link #TIME} on the sandbox clock, with the base image's properties,
 * Nova's snapshot properties ({@code image_type=snapshot}, {@code instance_uuid}, ...) and the request's metadata
 * over them; its minimum RAM is the base image's, its minimum disk the larger of the base image's and the flavor's
 * disk. The server keeps its status with task state {@code image_snapshot} meanwhile, so a second snapshot is
 * Nova's 409. The answer is 202 with the image's {@code Location}, and from 2.45 {@code {"image_id": ...}} instead.
 */
final class SnapshotAction {

    static final Duration TIME = Duration.ofSeconds(2);

    void apply(ApiRequest req, Object argument) {
        if (!(argument instanceof JsonObject body)) {
            throw NovaRefusal.invalid("createImage", argument);
        }
        String name = ServerFields.name(body.getValue("name"));
        Map<String, String> metadata = ServerFields.metadata(body.getValue("metadata"));
        if (metadata.size() > ServerFields.MAX_METADATA_ITEMS) {
            throw new NovaRefusal(403, "Image metadata limit exceeded");
        }
        SimulatedServer server = RequestedServer.unlocked(req);
        ServerStates.require(server, "createImage", "active", "stopped", "paused", "suspended");
        StoredImage image = req.cloud().images().snapshot(image(req, server, name, metadata), content(req, server),
                TIME).orElseThrow(() -> new NovaRefusal(403, "Quota exceeded for resources: ['images']"));
        var record = ActionHistory.of(req, "createImage", "compute_snapshot_instance", TIME, false);
        RequestedServer.modify(req, server.id(), r -> {
            r.record(record);
            r.begin(server.status(), "image_snapshot", TIME, req.now(), done -> { });
        });
        if (ComputeApi.microversion(req).atLeast(2, 45)) {
            req.reply(202, new JsonObject().put("image_id", image.id()));
            return;
        }
        req.putHeader("Location", req.cloudBase() + "/image/images/" + image.id());
        req.reply(202, null);
    }

    private static StoredImage image(ApiRequest req, SimulatedServer server, String name,
            Map<String, String> metadata) {
        String project = req.token() == null || req.token().projectId() == null
                ? req.profile().project().id() : req.token().projectId();
        var base = req.cloud().images().find(server.imageId());
        Map<String, String> properties = new LinkedHashMap<>(base.map(b -> b.attributes().properties())
                .orElse(Map.of()));
        properties.remove("instance_uuid");
        properties.put("image_type", "snapshot");
        properties.put("instance_uuid", server.id());
        properties.put("base_image_ref", server.imageId());
        properties.put("image_location", "snapshot");
        properties.put("image_state", "available");
        properties.put("owner_project_name", req.profile().project().name());
        if (req.token() != null) {
            properties.put("user_id", req.token().user().id());
        }
        properties.putAll(metadata);
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

package org.stackratings.sandbox.api.compute.volumes;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.stackratings.sandbox.api.compute.ComputeApi;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.api.compute.servers.RequestedServer;
import org.stackratings.sandbox.api.compute.servers.boot.BootDisks;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.SimulatedServer;
import org.stackratings.sandbox.state.volume.StoredVolume;
import org.stackratings.sandbox.state.volume.VolumeAttachment;
import org.stackratings.sandbox.state.volume.VolumeStore;

/**
 * Nova's {@code /servers/{id}/os-volume_attachments}: list, show, attach ({@code POST}: the Cinder volume of the
 * project must be {@code available}; it is {@code attaching}, then {@code in-use} a {@link VolumeStore#STEP} later on
 * the sandbox clock) and detach ({@code DELETE}, 202: {@code detaching}, then {@code available}). Devices are given
 * in order from {@code /dev/vdb}. The server must be ACTIVE or SHUTOFF (409 otherwise, as Nova); the root volume of a
 * server booted from a volume cannot be detached (400).
 */
public final class VolumeAttachmentsApi {

    private static final Set<String> ATTACHABLE_SERVER = Set.of("ACTIVE", "SHUTOFF");

    public void register(ServiceRoutes routes, String prefix) {
        String attachments = prefix + "/servers/:server_id/os-volume_attachments";
        routes.get(attachments, NovaRefusal.answering(this::list));
        routes.route(HttpMethod.POST, attachments, true, NovaRefusal.answering(this::attach));
        routes.get(attachments + "/:volume_id", NovaRefusal.answering(this::show));
        routes.route(HttpMethod.DELETE, attachments + "/:volume_id", true, NovaRefusal.answering(this::detach));
    }

    private void list(ApiRequest req) {
        SimulatedServer server = RequestedServer.existing(req);
        JsonArray list = new JsonArray();
        attachments(req, server.id()).forEach(a -> list.add(document(req, a)));
        req.ok(new JsonObject().put("volumeAttachments", list));
    }

    private void show(ApiRequest req) {
        SimulatedServer server = RequestedServer.existing(req);
        String volumeId = req.param("volume_id");
        VolumeAttachment attachment = attachments(req, server.id()).stream()
                .filter(a -> a.volumeId().equals(volumeId)).findFirst()
                .orElseThrow(() -> notAttached(server.id(), volumeId));
        req.ok(new JsonObject().put("volumeAttachment", document(req, attachment)));
    }

    private void attach(ApiRequest req) {
        SimulatedServer server = RequestedServer.existing(req);
        JsonObject body = req.jsonBody();
        JsonObject asked = body == null ? null : body.getJsonObject("volumeAttachment");
        if (asked == null || !(asked.getValue("volumeId") instanceof String volumeId)) {
            throw new NovaRefusal(400, "Invalid input for field/attribute volumeAttachment. Value: " + asked
                    + ". 'volumeId' is a required property");
        }
        if (!ATTACHABLE_SERVER.contains(server.status())) {
            throw new NovaRefusal(409, "Cannot 'attach_volume' instance " + server.id() + " while it is in vm_state "
                    + server.vmState());
        }
        VolumeStore store = req.cloud().volumes();
        StoredVolume volume = store.volume(req.profile().project().id(), volumeId, req.now())
                .orElseThrow(() -> new NovaRefusal(404, "Volume " + volumeId + " could not be found."));
        if (!"available".equals(volume.status())) {
            throw new NovaRefusal(400, "Invalid volume: volume " + volumeId + " status must be 'available'. "
                    + "Currently in '" + volume.status() + "'");
        }
        List<VolumeAttachment> existing = store.attachedTo(server.id(), req.now());
        String device = asked.getValue("device") instanceof String d && !d.isBlank() ? d : nextDevice(existing);
        VolumeAttachment attachment = new VolumeAttachment(UUID.randomUUID().toString(), volumeId, server.id(),
                device, req.now());
        store.attach(attachment, "attaching", "in-use", req.now());
        req.ok(new JsonObject().put("volumeAttachment", document(req, attachment)));
    }

    private void detach(ApiRequest req) {
        SimulatedServer server = RequestedServer.existing(req);
        String volumeId = req.param("volume_id");
        VolumeAttachment attachment = attachments(req, server.id()).stream()
                .filter(a -> a.volumeId().equals(volumeId)).findFirst()
                .orElseThrow(() -> notAttached(server.id(), volumeId));
        if (server.imageId().isEmpty() && BootDisks.ROOT_DEVICE.equals(attachment.device())) {
            throw new NovaRefusal(400, "Invalid volume: Can't detach root device volume");
        }
        if (!ATTACHABLE_SERVER.contains(server.status())) {
            throw new NovaRefusal(409, "Cannot 'detach_volume' instance " + server.id() + " while it is in vm_state "
                    + server.vmState());
        }
        req.cloud().volumes().detachLater(volumeId, server.id(), req.now());
        req.reply(202, null);
    }

    private static List<VolumeAttachment> attachments(ApiRequest req, String serverId) {
        return req.cloud().volumes().attachedTo(serverId, req.now());
    }

    private static NovaRefusal notAttached(String serverId, String volumeId) {
        return new NovaRefusal(404, "Volume " + volumeId + " is not attached to " + serverId);
    }

    private static String nextDevice(List<VolumeAttachment> existing) {
        for (char c = 'b'; c <= 'z'; c++) {
            String device = "/dev/vd" + c;
            if (existing.stream().noneMatch(a -> device.equals(a.device()))) {
                return device;
            }
        }
        throw new NovaRefusal(400, "No free disk device names for prefix 'vd'");
    }

    private static JsonObject document(ApiRequest req, VolumeAttachment a) {
        var mv = ComputeApi.microversion(req);
        JsonObject doc = new JsonObject();
        if (!mv.atLeast(2, 89)) {
            doc.put("id", a.volumeId());
        }
        doc.put("volumeId", a.volumeId()).put("serverId", a.serverId()).put("device", a.device());
        if (mv.atLeast(2, 70)) {
            doc.putNull("tag");
        }
        if (mv.atLeast(2, 79)) {
            doc.put("delete_on_termination", a.deleteOnTermination());
        }
        if (mv.atLeast(2, 89)) {
            doc.put("attachment_id", a.id()).put("bdm_uuid", UUID.nameUUIDFromBytes(a.id().getBytes()).toString());
        }
        return doc;
    }
}

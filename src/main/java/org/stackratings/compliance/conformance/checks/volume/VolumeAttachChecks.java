package org.stackratings.compliance.conformance.checks.volume;

import static org.stackratings.compliance.conformance.checks.volume.Volumes.showVolume;
import static org.stackratings.compliance.conformance.checks.volume.Volumes.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;
import org.stackratings.compliance.conformance.Fixture;
import org.stackratings.compliance.conformance.ResourceKind;
import org.stackratings.compliance.conformance.checks.Undo;
import org.stackratings.openstack.ApiAnswer;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;

/**
 * Attaching the run's shared volume ({@link Fixture#volume()}) to its shared server through Nova, and detaching it
 * again; detached on failure too ({@link Undo}), so the volume checks after it find it available.
 */
@ApplicationScoped
class VolumeAttachChecks implements CheckGroup {

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.of(
                "compute-volume-attach", this::attach);
    }

    /**
     * The shared volume attached to the shared server through Nova: attaching, then in-use in Cinder with the server
     * among its attachments; the attachment listed and shown by Nova; detached, then available again.
     */
    private void attach(CheckContext c) {
        String server = c.fixture().server();
        String volume = c.fixture().volume();
        String attachments = "/servers/" + server + "/os-volume_attachments";
        ObjectNode body = object();
        body.putObject("volumeAttachment").put("volumeId", volume);
        JsonNode attached = c.expectJson(ApiCall.of(CloudService.COMPUTE, "POST", attachments, body.toString()),
                "the volume is attached to the server", 200).path("volumeAttachment");
        c.ledger().add(ResourceKind.VOLUME_ATTACHMENT, ResourceKind.id(server, volume));
        Undo.onFailure(() -> {
            c.require(volume.equals(attached.path("volumeId").asText()) && server.equals(attached.path("serverId")
                    .asText()), "the attachment does not name the volume and the server");
            JsonNode inUse = c.await(showVolume(volume), "the volume becomes in-use",
                    b -> "in-use".equals(status(b)), b -> status(b).startsWith("error")).path("volume");
            c.require(server.equals(inUse.path("attachments").path(0).path("server_id").asText()),
                    "the in-use volume does not list the server among its attachments");
            JsonNode listed = c.expectJson(ApiCall.get(CloudService.COMPUTE, attachments),
                    "the server's attachments are listed", 200).path("volumeAttachments");
            boolean found = false;
            for (JsonNode a : listed) {
                found |= volume.equals(a.path("volumeId").asText());
            }
            c.require(found, "the server's attachment list lacks the volume");
            JsonNode shown = c.expectJson(ApiCall.get(CloudService.COMPUTE, attachments + "/" + volume),
                    "the attachment is shown", 200).path("volumeAttachment");
            c.require(volume.equals(shown.path("volumeId").asText()) && !shown.path("device").asText("").isEmpty(),
                    "the attachment shown lacks the volume or its device");
            detach(c, server, volume, 202);
        }, () -> detach(c, server, volume, 202, 404));
    }

    /** Detaches the volume and waits until it is available; {@code statuses} the detach may answer (404: not attached). */
    private static void detach(CheckContext c, String server, String volume, int... statuses) {
        ApiAnswer detached = c.expect(ApiCall.of(CloudService.COMPUTE, "DELETE", "/servers/" + server
                + "/os-volume_attachments/" + volume, null), "the volume is detached", statuses);
        if (detached.status() == 202) {
            c.await(showVolume(volume), "the volume becomes available again",
                    b -> "available".equals(status(b)), b -> status(b).startsWith("error"));
        }
        c.ledger().deleted(ResourceKind.VOLUME_ATTACHMENT, ResourceKind.id(server, volume));
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}

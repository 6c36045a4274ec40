package org.stackratings.sandbox.api.volume.actions;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.stackratings.sandbox.api.volume.CinderRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.volume.StoredVolume;
import org.stackratings.sandbox.state.volume.VolumeAttachment;
import org.stackratings.sandbox.state.volume.VolumeStore;

/**
 * Cinder's low-level {@code os-attach} and {@code os-detach}: the bookkeeping a hypervisor driver does, with no Nova
 * involved (Nova attaches through {@code os-volume_attachments}, which shares the store's {@link VolumeStore#attach}).
 * {@code os-attach} records the attachment to {@code instance_uuid} at {@code mountpoint}: the volume is in-use at once
 * (Cinder's manager answers the call when done), its read-only flag set to False if it had none; a read-only volume
 * attaches in mode {@code ro} only. {@code os-detach} ends the volume's attachment (available at once), but one Nova
 * made is Cinder's 409: a user must detach it through Nova. Only {@code instance_uuid} attachments are kept (Cinder
 * also takes a {@code host_name} alone).
 */
final class AttachActions {

    private static final Pattern UUID_FORMAT = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    /** {@code {"os-attach": {"instance_uuid", "mountpoint", "mode"?, "host_name"?}}}. */
    void attach(ApiRequest req, Object argument) {
        ActionArgument a = ActionArgument.of("os-attach", argument, List.of("instance_uuid", "mountpoint",
                "host_name", "mode"));
        StoredVolume volume = VolumeActionsApi.volume(req);
        String mountpoint = a.string("mountpoint", 1, 255);
        if (mountpoint == null) {
            a.required("mountpoint");
            throw CinderRefusal.invalidField("mountpoint", null, "None is not of type 'string'");
        }
        String server = a.string("instance_uuid", 0, 255);
        if (server != null && !UUID_FORMAT.matcher(server).matches()) {
            throw CinderRefusal.invalidField("instance_uuid", server, "'" + server + "' is not a 'uuid'");
        }
        a.string("host_name", 0, 255);
        if (server == null) {
            throw new CinderRefusal(400, a.has("host_name")
                    ? "Invalid input received: the sandbox attaches to an instance_uuid only"
                    : "Invalid input for field/attribute os-attach. Value: " + argument
                            + ". {'required': ['instance_uuid']} is not valid under any of the given schemas");
        }
        String mode = a.has("mode") ? a.string("mode", 0, 255) : "rw";
        if (!"rw".equals(mode) && !"ro".equals(mode)) {
            throw CinderRefusal.invalidField("mode", mode, "'" + mode + "' is not one of ['rw', 'ro']");
        }
        if (Boolean.TRUE.equals(volume.attributes().readOnly()) && !"ro".equals(mode)) {
            throw new CinderRefusal(400, "Invalid attaching mode '" + mode + "' for volume " + volume.id() + ".");
        }
        VolumeStore store = req.cloud().volumes();
        boolean already = volume.attachments().stream().anyMatch(x -> server.equals(x.serverId()));
        if (!already) {
            if ("in-use".equals(volume.status()) || !volume.attachments().isEmpty()) {
                throw attachError("volume is already attached and multiple attachments are not enabled");
            }
            if (!"available".equals(volume.status()) && !"attaching".equals(volume.status())) {
                throw attachError("Volume status must be available or attaching to attach, but the status is "
                        + volume.status() + ".");
            }
            store.attach(new VolumeAttachment(UUID.randomUUID().toString(), volume.id(), server, mountpoint,
                    req.now(), false, false), "in-use", null, req.now());
        } else {
            store.setStatus(volume.id(), "in-use", null, req.now());
        }
        if (volume.attributes().readOnly() == null) {
            store.update(volume.id(), v -> v.withReadOnly(false), req.now());
        }
        req.reply(202, null);
    }

    private static CinderRefusal attachError(String reason) {
        return new CinderRefusal(400, "Error attaching volume - InvalidVolume: Invalid volume: " + reason);
    }

    /** {@code {"os-detach": {"attachment_id"?}}} (or {@code {"os-detach": null}}). */
    void detach(ApiRequest req, Object argument) {
        String attachmentId = null;
        if (argument != null) {
            ActionArgument a = ActionArgument.of("os-detach", argument, List.of("attachment_id"));
            attachmentId = a.string("attachment_id", 0, 255);
            if (attachmentId != null && !UUID_FORMAT.matcher(attachmentId).matches()) {
                throw CinderRefusal.invalidField("attachment_id", attachmentId, "'" + attachmentId
                        + "' is not a 'uuid'");
            }
        }
        StoredVolume volume = VolumeActionsApi.volume(req);
        List<VolumeAttachment> attachments = volume.attachments();
        if (attachments.isEmpty() && attachmentId == null) {
            req.cloud().volumes().detachNow(volume.id(), req.now());
            req.reply(202, null);
            return;
        }
        String wanted = attachmentId;
        Optional<VolumeAttachment> attachment = wanted == null
                ? (attachments.size() == 1 ? Optional.of(attachments.get(0)) : Optional.empty())
                : attachments.stream().filter(x -> x.id().equals(wanted)).findFirst();
        if (attachment.isEmpty() || attachment.get().byCompute()) {
            throw new CinderRefusal(409, "Detach volume from instance "
                    + attachment.map(VolumeAttachment::serverId).orElse("") + " using the Compute API");
        }
        req.cloud().volumes().detachNow(volume.id(), req.now());
        req.reply(202, null);
    }
}

package org.stackratings.sandbox.api.volume.volumes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.api.ServiceTime;
import org.stackratings.sandbox.api.volume.CinderScope;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.volume.StoredVolume;
import org.stackratings.sandbox.state.volume.VolumeAttachment;
import org.stackratings.sandbox.state.volume.VolumeTypes;

/** Cinder's JSON of a volume: the summary of a list, the detail of show, with the fields of the microversion. */
public final class VolumeDocuments {

    private VolumeDocuments() {
    }

    public static JsonObject summary(ApiRequest req, StoredVolume v) {
        String href = CinderScope.projectBase(req) + "/volumes/" + v.id();
        return new JsonObject().put("id", v.id()).put("name", v.attributes().name())
                .put("links", new JsonArray()
                        .add(new JsonObject().put("rel", "self").put("href", href))
                        .add(new JsonObject().put("rel", "bookmark").put("href", href)));
    }

    public static JsonObject attachment(VolumeAttachment a) {
        return new JsonObject().put("server_id", a.serverId()).put("attachment_id", a.id())
                .put("attached_at", ServiceTime.format(a.attachedAt())).putNull("host_name").put("volume_id", a.volumeId())
                .put("device", a.device()).put("id", a.volumeId());
    }

    /** The answer to a create or update: the detail without what Cinder's show-only extensions add. */
    public static JsonObject written(ApiRequest req, StoredVolume v) {
        JsonObject json = detail(req, v);
        json.remove("os-vol-tenant-attr:tenant_id");
        json.remove("volume_image_metadata");
        return json;
    }

    public static JsonObject detail(ApiRequest req, StoredVolume v) {
        Microversion version = CinderScope.version(req);
        JsonArray attachments = new JsonArray();
        v.attachments().forEach(a -> attachments.add(attachment(a)));
        JsonObject json = summary(req, v)
                .put("status", v.status())
                .put("size", v.size())
                .put("availability_zone", v.availabilityZone())
                .put("created_at", ServiceTime.format(v.createdAt()))
                .put("updated_at", ServiceTime.format(v.updatedAt()))
                .put("attachments", attachments)
                .put("bootable", String.valueOf(v.bootable()))
                .put("encrypted", false)
                .put("description", v.attributes().description())
                .put("volume_type", v.volumeType())
                .put("snapshot_id", v.origin().snapshotId())
                .put("source_volid", v.origin().sourceVolid())
                .put("metadata", metadata(v))
                .put("user_id", v.userId())
                .put("os-vol-tenant-attr:tenant_id", v.project())
                .put("multiattach", false)
                .putNull("replication_status")
                .putNull("consistencygroup_id")
                .putNull("migration_status");
        if (!v.attributes().imageMetadata().isEmpty()) {
            json.put("volume_image_metadata", new JsonObject(new LinkedHashMap<>(v.attributes().imageMetadata())));
        }
        if (version.atLeast(3, 13)) {
            json.putNull("group_id");
        }
        if (version.atLeast(3, 48)) {
            json.put("shared_targets", false).putNull("service_uuid");
        }
        if (version.atLeast(3, 63)) {
            json.put("volume_type_id", new VolumeTypes(req.cloud().name()).defaultType().id());
        }
        if (version.atLeast(3, 64)) {
            json.putNull("encryption_key_id");
        }
        if (version.atLeast(3, 65)) {
            json.put("consumes_quota", true);
        }
        return json;
    }

    /** The metadata Cinder shows: the owner's, plus {@code readonly} ("True" or "False") once the flag was set. */
    private static JsonObject metadata(StoredVolume v) {
        JsonObject metadata = new JsonObject(new LinkedHashMap<>(v.metadata()));
        if (v.attributes().readOnly() != null) {
            metadata.put("readonly", v.attributes().readOnly() ? "True" : "False");
        }
        return metadata;
    }
}

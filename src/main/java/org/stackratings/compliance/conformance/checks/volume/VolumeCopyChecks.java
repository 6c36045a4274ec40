package org.stackratings.compliance.conformance.checks.volume;

import static org.stackratings.compliance.conformance.checks.volume.Volumes.action;
import static org.stackratings.compliance.conformance.checks.volume.Volumes.deleteVolume;
import static org.stackratings.compliance.conformance.checks.volume.Volumes.encoded;
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
import org.stackratings.compliance.conformance.ResourceKind;
import org.stackratings.compliance.conformance.RunMarker;
import org.stackratings.compliance.conformance.checks.Absent;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;

/**
 * What Cinder makes of a volume or an image (docs/compliance.md): a snapshot of the run's shared volume (and a volume
 * of the snapshot), a clone of it, a volume of the run's image, and the shared volume uploaded to an image. The
 * volumes these make, 1 GiB each unless the image needs more, are deleted before the check ends; the uploaded image
 * is the clean-up's.
 */
@ApplicationScoped
class VolumeCopyChecks implements CheckGroup {

    private static final long GIB = 1L << 30;

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.of(
                "volumes-v3-snapshot-create-delete", this::snapshots,
                "volumes-v3-clone", this::clone,
                "volumes-v3-copy-image-to-volume", this::fromImage,
                "volumes-v3-upload", this::upload);
    }

    /**
     * A snapshot of the shared volume: created (available), shown, listed by name, updated, its metadata merged,
     * listed, set, shown and deleted by key; a volume made of it (available, its snapshot_id), deleted; the snapshot
     * deleted (gone); an absent snapshot not found, a snapshot of an absent volume refused (404).
     */
    private void snapshots(CheckContext c) {
        String volume = c.fixture().volume();
        String name = c.marker().name("snapshot");
        ObjectNode body = object();
        ObjectNode snapshot = body.putObject("snapshot").put("volume_id", volume).put("name", name);
        snapshot.putObject("metadata").put(RunMarker.KEY, c.marker().runId().toString());
        String id = c.expectJson(ApiCall.of(CloudService.VOLUME, "POST", "/snapshots", body.toString()),
                "the snapshot is accepted", 202).path("snapshot").path("id").asText("");
        c.require(!id.isEmpty(), "the answer names no snapshot id");
        c.ledger().add(ResourceKind.SNAPSHOT, id);
        String path = "/snapshots/" + id;
        JsonNode shown = c.await(ApiCall.get(CloudService.VOLUME, path), "the snapshot becomes available",
                b -> "available".equals(b.path("snapshot").path("status").asText()),
                b -> b.path("snapshot").path("status").asText().startsWith("error")).path("snapshot");
        c.require(volume.equals(shown.path("volume_id").asText()) && name.equals(shown.path("name").asText()),
                "the snapshot does not have the volume and name it was created with");
        JsonNode listed = c.expectJson(ApiCall.get(CloudService.VOLUME, "/snapshots/detail?name=" + encoded(name)),
                "the snapshots are listed by name", 200).path("snapshots");
        c.require(listed.size() == 1 && id.equals(listed.path(0).path("id").asText()),
                "the snapshot list filtered by its name does not show exactly the snapshot");
        String renamed = c.marker().name("snapshot-renamed");
        ObjectNode change = object();
        change.putObject("snapshot").put("name", renamed).put("description", "stackratings conformance");
        c.require(renamed.equals(c.expectJson(ApiCall.of(CloudService.VOLUME, "PUT", path, change.toString()),
                "the snapshot is updated", 200).path("snapshot").path("name").asText()),
                "the snapshot update does not answer the new name");

        c.require(metadataItems(c, path, "key1").path("key1").asText().equals("value1"),
                "the snapshot metadata does not hold the key merged");
        c.expect(ApiCall.of(CloudService.VOLUME, "PUT", path + "/metadata/key1", "{\"meta\":{\"key1\":\"value2\"}}"),
                "a snapshot metadata item is set", 200);
        c.require("value2".equals(c.expectJson(ApiCall.get(CloudService.VOLUME, path + "/metadata/key1"),
                "a snapshot metadata item is shown", 200).path("meta").path("key1").asText()),
                "the snapshot metadata item shown does not have the value set");
        c.expect(ApiCall.of(CloudService.VOLUME, "DELETE", path + "/metadata/key1", null),
                "a snapshot metadata item is deleted", 200);
        JsonNode left = c.expectJson(ApiCall.get(CloudService.VOLUME, path + "/metadata"),
                "the snapshot metadata is shown", 200).path("metadata");
        c.require(!left.has("key1") && left.has(RunMarker.KEY),
                "the snapshot metadata still holds the deleted key, or lost the run's mark");

        String fromSnapshot = c.fixture().createVolume("from-snapshot", 1,
                ",\"snapshot_id\":" + CheckContext.quote(id));
        c.require(id.equals(c.expectJson(showVolume(fromSnapshot), "the volume made of the snapshot is shown", 200)
                .path("volume").path("snapshot_id").asText()), "the volume made of the snapshot does not name it");
        deleteVolume(c, fromSnapshot);

        c.expect(ApiCall.of(CloudService.VOLUME, "DELETE", path, null), "the snapshot is deleted", 202);
        c.awaitGone(ApiCall.get(CloudService.VOLUME, path), "the snapshot is gone");
        c.ledger().deleted(ResourceKind.SNAPSHOT, id);
        c.expect(ApiCall.get(CloudService.VOLUME, "/snapshots/" + Absent.ID), "a snapshot that does not exist is not"
                + " found", 404);
        ObjectNode ofAbsent = object();
        ofAbsent.putObject("snapshot").put("volume_id", Absent.ID).put("name", c.marker().name("refused"));
        c.expect(ApiCall.of(CloudService.VOLUME, "POST", "/snapshots", ofAbsent.toString()),
                "a snapshot of a volume that does not exist is not found", 404);
    }

    /** POSTs {@code {key: value1}} to the metadata (a merge) and answers the metadata then listed. */
    private static JsonNode metadataItems(CheckContext c, String path, String key) {
        c.expect(ApiCall.of(CloudService.VOLUME, "POST", path + "/metadata", "{\"metadata\":{\"" + key
                + "\":\"value1\"}}"), "metadata is merged", 200);
        return c.expectJson(ApiCall.get(CloudService.VOLUME, path + "/metadata"), "the metadata is listed", 200)
                .path("metadata");
    }

    /** A clone of the shared volume: available, naming its source; deleted. */
    private void clone(CheckContext c) {
        String source = c.fixture().volume();
        String clone = c.fixture().createVolume("clone", 1, ",\"source_volid\":" + CheckContext.quote(source));
        c.require(source.equals(c.expectJson(showVolume(clone), "the clone is shown", 200).path("volume")
                .path("source_volid").asText()), "the clone does not name its source volume in source_volid");
        deleteVolume(c, clone);
    }

    /**
     * A volume made of the run's image (1 GiB, or what the image needs: its min_disk, its size): available, bootable,
     * with the image's metadata; made not bootable ({@code os-set_bootable}), then deleted.
     */
    private void fromImage(CheckContext c) {
        String image = c.fixture().image();
        JsonNode shownImage = c.expectJson(ApiCall.get(CloudService.IMAGE, "/v2/images/" + image),
                "the run's image is shown (for the size of a volume it fits on)", 200);
        long size = Math.max(1, Math.max(shownImage.path("min_disk").asLong(0),
                (shownImage.path("size").asLong(0) + GIB - 1) / GIB));
        String volume = c.fixture().createVolume("from-image", size, ",\"imageRef\":" + CheckContext.quote(image));
        JsonNode shown = c.expectJson(showVolume(volume), "the volume made of the image is shown", 200).path("volume");
        c.require("true".equalsIgnoreCase(shown.path("bootable").asText()),
                "the volume made of an image is not bootable");
        c.require(image.equals(shown.path("volume_image_metadata").path("image_id").asText()),
                "the volume made of an image does not show the image's id in volume_image_metadata");
        c.expect(action(volume, "{\"os-set_bootable\":{\"bootable\":false}}"), "the volume is made not bootable", 200);
        c.require("false".equalsIgnoreCase(c.expectJson(showVolume(volume), "the volume is shown", 200)
                .path("volume").path("bootable").asText()), "the volume is still bootable after os-set_bootable false");
        deleteVolume(c, volume);
    }


    /**
     * The shared volume uploaded to a Glance image ({@code os-volume_upload_image}): the image (in the ledger, with the
     * run's tag) becomes active with the name and disk format asked for, the volume available again. The image the
     * clean-up deletes.
     */
    private void upload(CheckContext c) {
        String volume = c.fixture().volume();
        String name = c.marker().name("upload");
        JsonNode uploaded = c.expectJson(action(volume, "{\"os-volume_upload_image\":{\"image_name\":"
                + CheckContext.quote(name) + ",\"disk_format\":\"raw\",\"container_format\":\"bare\"}}"),
                "the volume is uploaded to an image", 202).path("os-volume_upload_image");
        String image = uploaded.path("image_id").asText("");
        c.require(!image.isEmpty(), "the answer names no image id");
        c.ledger().add(ResourceKind.IMAGE, image);
        c.expect(ApiCall.of(CloudService.IMAGE, "PUT", "/v2/images/" + image + "/tags/" + c.marker().tag(), null),
                "the run's tag is added to the image", 204);
        JsonNode active = c.await(ApiCall.get(CloudService.IMAGE, "/v2/images/" + image), "the image becomes active",
                b -> "active".equals(b.path("status").asText()),
                b -> b.path("status").asText().matches("killed|deleted|deactivated"));
        c.require(name.equals(active.path("name").asText()) && "raw".equals(active.path("disk_format").asText()),
                "the image does not have the name and disk format asked for");
        c.await(showVolume(volume), "the volume becomes available again", b -> "available".equals(status(b)),
                b -> status(b).startsWith("error"));
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}

package org.stackratings.compliance.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;
import org.stackratings.compliance.conformance.Fixture;
import org.stackratings.compliance.conformance.ResourceKind;
import org.stackratings.compliance.conformance.RunMarker;
import org.stackratings.openstack.ApiAnswer;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;

/**
 * The checks of Cinder's capabilities and of attaching a volume to a server (docs/compliance.md). Most work on the
 * run's shared volume ({@link Fixture#volume()}) and put back what they change (its name, metadata, read-only flag,
 * attachment: {@link Undo}); only create-delete, snapshot (a volume from the snapshot), clone and copy-image make
 * volumes of their own, 1 GiB each, and delete them before they end.
 */
@ApplicationScoped
class VolumeChecks implements CheckGroup {

    private static final long GIB = 1L << 30;

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.ofEntries(
                Map.entry("compute-volume-attach", this::attach),
                Map.entry("volumes-list-api-versions", this::versions),
                Map.entry("volumes-v3-create-delete", this::createDelete),
                Map.entry("volumes-v3-snapshot-create-delete", this::snapshots),
                Map.entry("volumes-v3-get", this::show),
                Map.entry("volumes-v3-list", this::list),
                Map.entry("volumes-v3-update", this::update),
                Map.entry("volumes-v3-copy-image-to-volume", this::fromImage),
                Map.entry("volumes-v3-clone", this::clone),
                Map.entry("volumes-v3-availability-zones", this::availabilityZones),
                Map.entry("volumes-v3-extensions", this::extensions),
                Map.entry("volumes-v3-metadata", this::metadata),
                Map.entry("volumes-v3-readonly", this::readOnly),
                Map.entry("volumes-v3-upload", this::upload));
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

    /** Cinder's versions document (200 or 300): each version with id, status and links, a v3 among them. */
    private void versions(CheckContext c) {
        JsonNode versions = c.expectJson(ApiCall.versions(CloudService.VOLUME), "the API versions are listed",
                200, 300).path("versions");
        c.require(versions.isArray() && !versions.isEmpty(), "the answer has no list of versions");
        boolean complete = true;
        boolean v3 = false;
        for (JsonNode version : versions) {
            complete &= version.hasNonNull("id") && version.hasNonNull("status") && version.path("links").isArray();
            v3 |= version.path("id").asText().startsWith("v3");
        }
        c.require(complete, "a version lacks its id, status or links");
        c.require(v3, "no version is v3");
    }

    /**
     * A volume of its own: created (available), shown, deleted (gone); the creates Cinder refuses (size "abc", 0, -1
     * or none: 400; an absent source volume or volume type: 404) and the delete of an absent volume (404).
     */
    private void createDelete(CheckContext c) {
        String volume = c.fixture().createVolume("create-delete", ",\"description\":\"stackratings conformance\"");
        JsonNode shown = c.expectJson(showVolume(volume), "the volume is shown", 200).path("volume");
        c.require(c.marker().name("create-delete").equals(shown.path("name").asText())
                && c.marker().runId().toString().equals(shown.path("metadata").path(RunMarker.KEY).asText()),
                "the volume does not have the name and metadata it was created with");
        refuseCreate(c, "\"size\":\"abc\"", "a size that is no number is refused", 400);
        refuseCreate(c, "\"size\":0", "a size of 0 is refused", 400);
        refuseCreate(c, "\"size\":-1", "a negative size is refused", 400);
        refuseCreate(c, "\"description\":\"no size\"", "a volume without size or source is refused", 400);
        refuseCreate(c, "\"size\":1,\"source_volid\":\"" + Absent.ID + "\"", "a source volume that does not exist is"
                + " not found", 404);
        refuseCreate(c, "\"size\":1,\"volume_type\":\"" + Absent.ID + "\"", "a volume type that does not exist is not"
                + " found", 404);
        deleteVolume(c, volume);
        c.expect(ApiCall.of(CloudService.VOLUME, "DELETE", "/volumes/" + Absent.ID, null),
                "deleting a volume that does not exist is not found", 404);
    }

    /** A create Cinder refuses, sent with the run's marks (should it be accepted, the reaper finds the volume). */
    private static void refuseCreate(CheckContext c, String members, String expected, int status) {
        c.expect(ApiCall.of(CloudService.VOLUME, "POST", "/volumes", "{\"volume\":{" + members + ",\"name\":"
                + CheckContext.quote(c.marker().name("refused")) + ",\"metadata\":{\"" + RunMarker.KEY + "\":\""
                + c.marker().runId() + "\"}}}"), expected, status);
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

        String fromSnapshot = c.fixture().createVolume("from-snapshot", ",\"snapshot_id\":" + CheckContext.quote(id));
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

    /** The shared volume shown with its fields; an absent volume, and an id of no volume's form, not found. */
    private void show(CheckContext c) {
        String volume = c.fixture().volume();
        JsonNode shown = c.expectJson(showVolume(volume), "the volume is shown", 200).path("volume");
        c.require(volume.equals(shown.path("id").asText()) && shown.path("size").asInt() == 1,
                "the volume shown does not have its id and its size of 1 GiB");
        c.require(!shown.path("status").asText("").isEmpty() && !shown.path("availability_zone").asText("").isEmpty()
                && !shown.path("created_at").asText("").isEmpty(),
                "the volume shown lacks its status, availability zone or creation time");
        c.require(c.marker().runId().toString().equals(shown.path("metadata").path(RunMarker.KEY).asText()),
                "the volume shown lacks the metadata it was created with");
        c.expect(showVolume(Absent.ID), "a volume that does not exist is not found", 404);
        c.expect(showVolume(Absent.INVALID), "an id of no volume's form is not found", 404);
    }

    /**
     * The volumes listed, with details, by name, by status, by the run's metadata, one at a time; an unknown status
     * and an absent name list nothing.
     */
    private void list(CheckContext c) {
        String volume = c.fixture().volume();
        String name = c.marker().name("volume");
        c.require(listed(c, "/volumes", "the volumes are listed", volume),
                "the volume list lacks the shared volume");
        c.require(listed(c, "/volumes/detail", "the volumes are listed with details", volume),
                "the detailed volume list lacks the shared volume");
        JsonNode byName = volumes(c, "/volumes/detail?name=" + encoded(name), "the volumes are listed by name");
        c.require(byName.size() == 1 && volume.equals(byName.path(0).path("id").asText()),
                "the volume list filtered by the volume's name does not show exactly the volume");
        c.require(listed(c, "/volumes/detail?status=available", "the volumes are listed by status", volume),
                "the volume list filtered by status available lacks the shared volume");
        c.require(listed(c, "/volumes/detail?metadata=" + encoded("{\"" + RunMarker.KEY + "\":\"" + c.marker().runId()
                + "\"}"), "the volumes are listed by metadata", volume),
                "the volume list filtered by the run's metadata lacks the shared volume");
        c.require(volumes(c, "/volumes?limit=1", "the volumes are listed one at a time").size() == 1,
                "the volume list with limit=1 does not show one volume");
        c.require(volumes(c, "/volumes/detail?status=no-such-status", "an unknown status lists nothing").isEmpty(),
                "the volume list filtered by an unknown status is not empty");
        c.require(volumes(c, "/volumes?name=" + encoded(c.marker().name("no-such-volume")),
                "an absent name lists nothing").isEmpty(), "the volume list filtered by an absent name is not empty");
    }

    private static boolean listed(CheckContext c, String path, String expected, String volume) {
        for (JsonNode v : volumes(c, path, expected)) {
            if (volume.equals(v.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode volumes(CheckContext c, String path, String expected) {
        JsonNode volumes = c.expectJson(ApiCall.get(CloudService.VOLUME, path), expected, 200).path("volumes");
        c.require(volumes.isArray(), "the answer has no 'volumes' list");
        return volumes;
    }

    /**
     * The shared volume renamed and described (the answer and a show say so), then its name and description put
     * back; an update of an absent volume, and of an id of no volume's form, not found.
     */
    private void update(CheckContext c) {
        String volume = c.fixture().volume();
        JsonNode before = c.expectJson(showVolume(volume), "the volume is shown", 200).path("volume");
        ObjectNode back = object();
        back.putObject("volume").put("name", before.path("name").asText()).set("description",
                before.path("description").isTextual() ? before.path("description") : JsonNodeFactory.instance.nullNode());
        String renamed = c.marker().name("volume-renamed");
        ObjectNode change = object();
        change.putObject("volume").put("name", renamed).put("description", "renamed by a conformance run");
        Undo.onFailure(() -> {
            JsonNode updated = c.expectJson(ApiCall.of(CloudService.VOLUME, "PUT", "/volumes/" + volume,
                    change.toString()), "the volume is updated", 200).path("volume");
            c.require(renamed.equals(updated.path("name").asText()), "the volume update does not answer the new name");
            JsonNode shown = c.expectJson(showVolume(volume), "the volume is shown", 200).path("volume");
            c.require(renamed.equals(shown.path("name").asText())
                    && "renamed by a conformance run".equals(shown.path("description").asText()),
                    "the volume shown does not have the new name and description");
            c.expect(ApiCall.of(CloudService.VOLUME, "PUT", "/volumes/" + volume, back.toString()),
                    "the volume's name and description are put back", 200);
        }, () -> c.expect(ApiCall.of(CloudService.VOLUME, "PUT", "/volumes/" + volume, back.toString()),
                "the volume's name and description are put back", 200));
        c.expect(ApiCall.of(CloudService.VOLUME, "PUT", "/volumes/" + Absent.ID, change.toString()),
                "an update of a volume that does not exist is not found", 404);
        c.expect(ApiCall.of(CloudService.VOLUME, "PUT", "/volumes/" + Absent.INVALID, change.toString()),
                "an update of an id of no volume's form is not found", 404);
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
        String volume = size == 1 ? c.fixture().createVolume("from-image", ",\"imageRef\":" + CheckContext.quote(image))
                : sizedVolume(c, "from-image", size, image);
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
     * As {@link Fixture#createVolume}, for an image larger than 1 GiB (a member's image, say): a volume of
     * {@code size} GiB made of it, available.
     */
    private static String sizedVolume(CheckContext c, String role, long size, String image) {
        JsonNode created = c.expectJson(ApiCall.of(CloudService.VOLUME, "POST", "/volumes", "{\"volume\":{\"size\":"
                + size + ",\"name\":" + CheckContext.quote(c.marker().name(role)) + ",\"metadata\":{\""
                + RunMarker.KEY + "\":\"" + c.marker().runId() + "\"},\"imageRef\":" + CheckContext.quote(image) + "}}"),
                "the volume is accepted", 202);
        String id = created.path("volume").path("id").asText("");
        c.require(!id.isEmpty(), "the answer names no volume id");
        c.ledger().add(ResourceKind.VOLUME, id);
        c.await(showVolume(id), "the volume becomes available", b -> "available".equals(status(b)),
                b -> status(b).startsWith("error"));
        return id;
    }

    /** A clone of the shared volume: available, naming its source; deleted. */
    private void clone(CheckContext c) {
        String source = c.fixture().volume();
        String clone = c.fixture().createVolume("clone", ",\"source_volid\":" + CheckContext.quote(source));
        c.require(source.equals(c.expectJson(showVolume(clone), "the clone is shown", 200).path("volume")
                .path("source_volid").asText()), "the clone does not name its source volume in source_volid");
        deleteVolume(c, clone);
    }

    /** Cinder's availability zones: at least one, each with a name and a state, one of them available. */
    private void availabilityZones(CheckContext c) {
        JsonNode zones = c.expectJson(ApiCall.get(CloudService.VOLUME, "/os-availability-zone"),
                "the availability zones are listed", 200).path("availabilityZoneInfo");
        c.require(zones.isArray() && !zones.isEmpty(), "the answer lists no availability zone");
        boolean available = false;
        for (JsonNode zone : zones) {
            c.require(!zone.path("zoneName").asText("").isEmpty(), "an availability zone has no name");
            available |= zone.path("zoneState").path("available").asBoolean(false);
        }
        c.require(available, "no availability zone is available");
    }

    /** Cinder's extensions: a list, each with an alias and a name. */
    private void extensions(CheckContext c) {
        JsonNode extensions = c.expectJson(ApiCall.get(CloudService.VOLUME, "/extensions"),
                "the extensions are listed", 200).path("extensions");
        c.require(extensions.isArray(), "the answer has no 'extensions' list");
        for (JsonNode extension : extensions) {
            c.require(!extension.path("alias").asText("").isEmpty() && !extension.path("name").asText("").isEmpty(),
                    "an extension lacks its alias or name");
        }
    }

    /**
     * The shared volume's metadata: merged (POST), listed, replaced (PUT, the run's mark kept), an item shown, set and
     * deleted; in the end it holds the run's mark only, as before.
     */
    private void metadata(CheckContext c) {
        String volume = c.fixture().volume();
        String path = "/volumes/" + volume + "/metadata";
        String marker = "\"" + RunMarker.KEY + "\":\"" + c.marker().runId() + "\"";
        Undo.onFailure(() -> {
            JsonNode merged = c.expectJson(ApiCall.of(CloudService.VOLUME, "POST", path,
                    "{\"metadata\":{\"key1\":\"value1\",\"key2\":\"value2\"}}"), "metadata is merged", 200)
                    .path("metadata");
            c.require("value1".equals(merged.path("key1").asText()) && merged.has(RunMarker.KEY),
                    "the merged metadata lacks the new key or the run's mark");
            JsonNode listed = c.expectJson(ApiCall.get(CloudService.VOLUME, path), "the metadata is listed", 200)
                    .path("metadata");
            c.require("value2".equals(listed.path("key2").asText()), "the metadata listed lacks a key merged");
            JsonNode replaced = c.expectJson(ApiCall.of(CloudService.VOLUME, "PUT", path, "{\"metadata\":{" + marker
                    + ",\"key3\":\"value3\"}}"), "the metadata is replaced", 200).path("metadata");
            c.require(!replaced.has("key1") && "value3".equals(replaced.path("key3").asText()),
                    "the replaced metadata still holds a key it replaced, or lacks the new one");
            c.expect(ApiCall.of(CloudService.VOLUME, "PUT", path + "/key3", "{\"meta\":{\"key3\":\"value4\"}}"),
                    "a metadata item is set", 200);
            c.require("value4".equals(c.expectJson(ApiCall.get(CloudService.VOLUME, path + "/key3"),
                    "a metadata item is shown", 200).path("meta").path("key3").asText()),
                    "the metadata item shown does not have the value set");
            c.expect(ApiCall.of(CloudService.VOLUME, "DELETE", path + "/key3", null), "a metadata item is deleted", 200);
            JsonNode left = c.expectJson(ApiCall.get(CloudService.VOLUME, path), "the metadata is listed", 200)
                    .path("metadata");
            c.require(!left.has("key3") && left.has(RunMarker.KEY),
                    "the metadata still holds the deleted key, or lost the run's mark");
        }, () -> c.expect(ApiCall.of(CloudService.VOLUME, "PUT", path, "{\"metadata\":{" + marker + "}}"),
                "the metadata is put back to the run's mark", 200));
    }

    /** The shared volume made read-only (its metadata says readonly "True"), then not ("False"). */
    private void readOnly(CheckContext c) {
        String volume = c.fixture().volume();
        Undo.onFailure(() -> {
            for (boolean readOnly : new boolean[] {true, false}) {
                c.expect(action(volume, "{\"os-update_readonly_flag\":{\"readonly\":" + readOnly + "}}"),
                        "the read-only flag is set " + readOnly, 202);
                String shown = c.expectJson(showVolume(volume), "the volume is shown", 200).path("volume")
                        .path("metadata").path("readonly").asText("");
                c.require(String.valueOf(readOnly).equalsIgnoreCase(shown),
                        "the volume's metadata does not show readonly \"" + (readOnly ? "True" : "False") + "\"");
            }
        }, () -> c.expect(action(volume, "{\"os-update_readonly_flag\":{\"readonly\":false}}"),
                "the read-only flag is put back to false", 202));
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

    /** Deletes a volume the check made: 202, then gone, then out of the ledger. */
    private static void deleteVolume(CheckContext c, String volume) {
        c.expect(ApiCall.of(CloudService.VOLUME, "DELETE", "/volumes/" + volume, null), "the volume is deleted", 202);
        c.awaitGone(showVolume(volume), "the volume is gone");
        c.ledger().deleted(ResourceKind.VOLUME, volume);
    }

    private static ApiCall showVolume(String volume) {
        return ApiCall.get(CloudService.VOLUME, "/volumes/" + volume);
    }

    private static ApiCall action(String volume, String body) {
        return ApiCall.of(CloudService.VOLUME, "POST", "/volumes/" + volume + "/action", body);
    }

    private static String status(JsonNode volumeDocument) {
        return volumeDocument.path("volume").path("status").asText();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}

package org.stackratings.sandbox.api.volume.actions;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.stackratings.sandbox.api.ServiceTime;
import org.stackratings.sandbox.api.volume.CinderRefusal;
import org.stackratings.sandbox.api.volume.CinderScope;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.CloudInventory;
import org.stackratings.sandbox.state.image.ImageAttributes;
import org.stackratings.sandbox.state.image.ImageContent;
import org.stackratings.sandbox.state.image.StoredImage;
import org.stackratings.sandbox.state.volume.StoredVolume;
import org.stackratings.sandbox.state.volume.VolumeStore;
import org.stackratings.sandbox.state.volume.VolumeTypes;

/**
 * {@code os-volume_upload_image}: a Glance image of the project made of the volume, in the cloud's image store. The
 * volume must be available ({@code force} is ignored, as with Cinder's default {@code enable_force_upload = False});
 * it is {@code uploading}, then {@code available} a {@link VolumeStore#STEP} later on the sandbox clock, while the
 * image goes {@code queued}, {@code saving}, {@code active} in that time, with the volume's size in bytes and the
 * custom properties of its image metadata. From 3.1 the request may set {@code visibility} (default private; public is
 * the admin's, 403) and {@code protected}; before, Glance's default visibility ({@code shared}) holds. The answer is
 * 202 with Cinder's {@code os-volume_upload_image} object.
 */
final class UploadImageAction {

    private static final long GIB = 1L << 30;
    private static final List<String> DISK_FORMATS = List.of("raw", "vmdk", "vdi", "qcow2", "vhd", "vhdx", "ploop");
    private static final List<String> VISIBILITIES = List.of("community", "public", "private", "shared");
    /** Cinder's {@code glance_core_properties}: the image metadata it does not copy as properties. */
    private static final Set<String> CORE = Set.of("checksum", "container_format", "disk_format", "image_name",
            "image_id", "min_disk", "min_ram", "name", "size");

    void apply(ApiRequest req, Object argument) {
        boolean v31 = CinderScope.version(req).atLeast(3, 1);
        ActionArgument a = ActionArgument.of("os-volume_upload_image", argument, v31
                ? List.of("image_name", "force", "disk_format", "container_format", "visibility", "protected")
                : List.of("image_name", "force", "disk_format", "container_format"));
        a.required("image_name");
        String name = a.string("image_name", 1, 255);
        a.bool("force", false);
        String diskFormat = a.has("disk_format") ? a.string("disk_format", 0, 255) : "raw";
        if (!DISK_FORMATS.contains(diskFormat)) {
            throw CinderRefusal.invalidField("disk_format", diskFormat, "'" + diskFormat + "' is not one of "
                    + DISK_FORMATS);
        }
        String containerFormat = a.has("container_format") ? a.string("container_format", 0, 255) : "bare";
        String visibility = v31 ? (a.has("visibility") ? a.string("visibility", 0, 255) : "private") : "shared";
        if (!VISIBILITIES.contains(visibility)) {
            throw CinderRefusal.invalidField("visibility", visibility, "'" + visibility + "' is not one of "
                    + VISIBILITIES);
        }
        boolean isProtected = a.bool("protected", false);
        StoredVolume volume = VolumeActionsApi.volume(req);
        if ("public".equals(visibility)) {
            throw CinderRefusal.policy("volume_extension:volume_actions:upload_public");
        }
        VolumeStore store = req.cloud().volumes();
        if (store.passFrom(Set.of("available"), volume.id(), "uploading", "available", req.now()).isEmpty()) {
            throw CinderRefusal.invalidVolume("Volume " + volume.id() + " status must be available");
        }
        Map<String, String> properties = new LinkedHashMap<>(volume.attributes().imageMetadata());
        properties.keySet().removeAll(CORE);
        ImageAttributes attributes = new ImageAttributes(name, visibility, isProtected, false, diskFormat,
                containerFormat, 0, 0, List.of(), properties);
        StoredImage queued = new StoredImage(UUID.randomUUID().toString(), CinderScope.project(req), "queued",
                attributes, null, req.now(), req.now());
        StoredImage image = req.cloud().images().snapshot(queued, content(volume, req.now()), VolumeStore.STEP)
                .orElseThrow(() -> {
                    store.setStatus(volume.id(), "available", null, req.now());
                    return new CinderRefusal(400, "HTTP 413 Request Entity Too Large: Maximum number of images"
                            + " exceeded");
                });
        req.reply(202, new JsonObject().put("os-volume_upload_image", answer(req, volume, image)));
    }

    /** What Glance knows of the uploaded data: the volume's bytes (raw) and hashes of it (the data is not held). */
    private static ImageContent content(StoredVolume volume, Instant now) {
        long size = volume.size() * GIB;
        String seed = UUID.nameUUIDFromBytes((volume.id() + now).getBytes()).toString().replace("-", "");
        return new ImageContent(size, size, seed, "sha512", seed + seed + seed + seed);
    }

    private static JsonObject answer(ApiRequest req, StoredVolume volume, StoredImage image) {
        VolumeTypes.VolumeType type = new VolumeTypes(req.cloud().name()).find(volume.volumeType())
                .orElseGet(() -> new VolumeTypes(req.cloud().name()).defaultType());
        String created = ServiceTime.format(Instant.parse(CloudInventory.CREATED_AT));
        JsonObject volumeType = new JsonObject().put("created_at", created).put("updated_at", created)
                .put("deleted", false).putNull("deleted_at").put("description", type.description())
                .put("extra_specs", new JsonObject()).put("id", type.id()).put("is_public", type.isPublic())
                .put("name", type.name()).putNull("qos_specs_id");
        ImageAttributes a = image.attributes();
        return new JsonObject().put("id", volume.id())
                .put("updated_at", ServiceTime.format(req.now()))
                .put("status", "uploading")
                .put("display_description", volume.attributes().description())
                .put("size", volume.size())
                .put("volume_type", volumeType)
                .put("image_id", image.id())
                .put("container_format", a.containerFormat())
                .put("disk_format", a.diskFormat())
                .put("image_name", a.name())
                .put("protected", a.isProtected())
                .put("visibility", a.visibility());
    }
}

package org.stackratings.sandbox.api.volume.actions;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.stackratings.sandbox.api.volume.CinderRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.volume.StoredVolume;

/**
 * Cinder's image metadata actions of a volume (the {@code os-vol-image-meta} extension), on the metadata a volume made
 * of an image carries ({@code volume_image_metadata}): {@code os-set_image_metadata} merges string pairs into it and
 * answers all of it, {@code os-unset_image_metadata} removes one key (a key the volume does not hold: 404),
 * {@code os-show_image_metadata} answers it; each 200. A change is refused while the volume is uploading or in
 * maintenance, as Cinder's volume API refuses metadata changes then.
 */
final class ImageMetadataActions {

    /** The keys of Cinder's {@code parameter_types.extra_specs}, the schema of {@code os-set_image_metadata}. */
    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9-_:. /]{1,255}");
    private static final Set<String> FROZEN = Set.of("maintenance", "uploading");

    /** {@code {"os-set_image_metadata": {"metadata": {...}}}}. */
    void set(ApiRequest req, Object argument) {
        Object given = ActionArgument.of("os-set_image_metadata", argument, List.of("metadata")).required("metadata");
        Map<String, String> pairs = pairs(given);
        StoredVolume volume = changeable(VolumeActionsApi.volume(req), "Updating");
        Map<String, String> merged = new LinkedHashMap<>(volume.attributes().imageMetadata());
        merged.putAll(pairs);
        req.cloud().volumes().update(volume.id(), a -> a.withImageMetadata(merged), req.now());
        req.ok(document(merged));
    }

    /** {@code {"os-unset_image_metadata": {"key": k}}}. */
    void unset(ApiRequest req, Object argument) {
        ActionArgument a = ActionArgument.of("os-unset_image_metadata", argument, List.of("key"));
        a.required("key");
        String key = a.string("key", 1, 255);
        StoredVolume volume = VolumeActionsApi.volume(req);
        if (!volume.attributes().imageMetadata().containsKey(key)) {
            throw new CinderRefusal(404, "Glance metadata for volume/snapshot " + volume.id()
                    + " cannot be found.");
        }
        changeable(volume, "Deleting");
        Map<String, String> kept = new LinkedHashMap<>(volume.attributes().imageMetadata());
        kept.remove(key);
        req.cloud().volumes().update(volume.id(), v -> v.withImageMetadata(kept), req.now());
        req.reply(200, null);
    }

    /** {@code {"os-show_image_metadata": {}}}. */
    void show(ApiRequest req) {
        req.ok(document(VolumeActionsApi.volume(req).attributes().imageMetadata()));
    }

    private static JsonObject document(Map<String, String> metadata) {
        return new JsonObject().put("metadata", new JsonObject(new LinkedHashMap<>(metadata)));
    }

    /** The pairs of {@code given}: an object of keys Cinder's schema allows and strings of at most 255 characters. */
    private static Map<String, String> pairs(Object given) {
        if (!(given instanceof JsonObject m)) {
            throw CinderRefusal.invalidField("metadata", given, given + " is not of type 'object'");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String key : m.fieldNames()) {
            if (!KEY.matcher(key).matches()) {
                throw CinderRefusal.invalidField("metadata", m.encode(), "Additional properties are not allowed ('"
                        + key + "' was unexpected)");
            }
            Object value = m.getValue(key);
            if (!(value instanceof String text)) {
                throw CinderRefusal.invalidField(key, value, value + " is not of type 'string'");
            }
            if (text.length() > 255) {
                throw CinderRefusal.invalidField(key, text, "'" + text + "' is too long");
            }
            pairs.put(key, text);
        }
        return pairs;
    }

    private static StoredVolume changeable(StoredVolume volume, String doing) {
        if (FROZEN.contains(volume.status())) {
            throw CinderRefusal.invalidVolume(doing + " volume metadata is not allowed for volumes in "
                    + volume.status() + " status.");
        }
        return volume;
    }
}

package org.stackratings.sandbox.api.compute.volumes;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.api.ServiceTime;
import org.stackratings.sandbox.state.volume.StoredSnapshot;
import org.stackratings.sandbox.state.volume.StoredVolume;

/**
 * The documents of Nova's volume and snapshot proxies: Cinder's volume and snapshot in Nova's camelCase names
 * ({@code displayName}, {@code availabilityZone}, {@code createdAt}), the same in lists, details and shows; a volume
 * attached to nothing has {@code attachments: [{}]}, as Nova writes it.
 */
final class ProxyDocuments {

    private ProxyDocuments() {
    }

    static JsonObject volume(StoredVolume v) {
        JsonArray attachments = new JsonArray();
        v.attachments().forEach(a -> {
            JsonObject one = new JsonObject().put("id", a.volumeId()).put("volumeId", a.volumeId())
                    .put("serverId", a.serverId());
            if (a.device() != null) {
                one.put("device", a.device());
            }
            attachments.add(one);
        });
        if (attachments.isEmpty()) {
            attachments.add(new JsonObject());
        }
        return new JsonObject()
                .put("id", v.id())
                .put("status", v.status())
                .put("size", v.size())
                .put("availabilityZone", v.availabilityZone())
                .put("createdAt", ServiceTime.format(v.createdAt()))
                .put("attachments", attachments)
                .put("displayName", v.attributes().name())
                .put("displayDescription", v.attributes().description())
                .put("volumeType", v.volumeType())
                .put("snapshotId", v.origin().snapshotId())
                .put("metadata", new JsonObject(new java.util.LinkedHashMap<>(v.metadata())));
    }

    static JsonObject snapshot(StoredSnapshot s) {
        return new JsonObject()
                .put("id", s.id())
                .put("volumeId", s.volumeId())
                .put("status", s.status())
                .put("size", s.size())
                .put("createdAt", ServiceTime.format(s.createdAt()))
                .put("displayName", s.name())
                .put("displayDescription", s.description());
    }
}

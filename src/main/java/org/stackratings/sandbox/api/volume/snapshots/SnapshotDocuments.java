package org.stackratings.sandbox.api.volume.snapshots;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.api.ServiceTime;
import org.stackratings.sandbox.api.volume.CinderScope;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.volume.StoredSnapshot;

/**
 * Cinder's JSON of a snapshot: the summary (of a plain list), the detail (of a create or update: with
 * {@code group_snapshot_id} from 3.14, {@code user_id} from 3.41, {@code consumes_quota} from 3.65) and what show and
 * the detailed list add to it (the {@code os-extended-snapshot-attributes} project and progress).
 */
final class SnapshotDocuments {

    private SnapshotDocuments() {
    }

    static JsonObject summary(StoredSnapshot s) {
        return new JsonObject().put("id", s.id())
                .put("created_at", ServiceTime.format(s.createdAt()))
                .put("updated_at", ServiceTime.format(s.updatedAt()))
                .put("name", s.name())
                .put("description", s.description())
                .put("volume_id", s.volumeId())
                .put("status", s.status())
                .put("size", s.size())
                .put("metadata", new JsonObject(new LinkedHashMap<>(s.metadata())));
    }

    static JsonObject detail(ApiRequest req, StoredSnapshot s) {
        Microversion version = CinderScope.version(req);
        JsonObject json = summary(s);
        if (version.atLeast(3, 14)) {
            json.putNull("group_snapshot_id");
        }
        if (version.atLeast(3, 41)) {
            json.put("user_id", s.userId());
        }
        if (version.atLeast(3, 65)) {
            json.put("consumes_quota", true);
        }
        return json;
    }

    static JsonObject shown(ApiRequest req, StoredSnapshot s) {
        return detail(req, s).put("os-extended-snapshot-attributes:project_id", s.project())
                .put("os-extended-snapshot-attributes:progress", "creating".equals(s.status()) ? "0%" : "100%");
    }
}

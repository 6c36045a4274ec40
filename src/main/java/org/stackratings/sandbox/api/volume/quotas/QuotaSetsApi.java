package org.stackratings.sandbox.api.volume.quotas;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.api.volume.CinderScope;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.volume.VolumeQuota;
import org.stackratings.sandbox.state.volume.VolumeUsage;

/**
 * Cinder's quotas as a member sees them: {@code os-quota-sets/{project}} (with {@code ?usage=true} the limit, use and
 * reservation of each), its {@code defaults}, and {@code limits} (the absolute limits and their use; no rate
 * limits). Changing or deleting a quota set needs an admin: 403. Another project's set: 403.
 */
public final class QuotaSetsApi {

    public void register(ServiceRoutes routes) {
        String sets = "/v3/:project_id/os-quota-sets/:target";
        routes.get(sets, req -> show(req, false));
        routes.get(sets + "/defaults", req -> show(req, true));
        routes.route(HttpMethod.PUT, sets, true, req -> adminOnly(req, "update"));
        routes.route(HttpMethod.DELETE, sets, true, req -> adminOnly(req, "delete"));
        routes.get("/v3/:project_id/limits", this::limits);
    }

    private static void adminOnly(ApiRequest req, String action) {
        if (!CinderScope.wrongProject(req, "volume_extension:quotas:" + action)) {
            req.fail(403, "Policy doesn't allow volume_extension:quotas:" + action + " to be performed.");
        }
    }

    private void show(ApiRequest req, boolean defaults) {
        if (CinderScope.wrongProject(req, "volume_extension:quotas:show")) {
            return;
        }
        String target = req.param("target");
        if (!defaults && !target.equals(CinderScope.project(req))) {
            req.fail(403, "Policy doesn't allow volume_extension:quotas:show to be performed.");
            return;
        }
        VolumeQuota quota = req.cloud().volumes().quota();
        VolumeUsage usage = req.cloud().volumes().usage(CinderScope.project(req), req.now());
        boolean withUsage = !defaults && "true".equalsIgnoreCase(req.query("usage"));
        JsonObject set = new JsonObject().put("id", target);
        put(set, "volumes", quota.volumes(), usage.volumes(), withUsage);
        put(set, "snapshots", quota.snapshots(), usage.snapshots(), withUsage);
        put(set, "gigabytes", quota.gigabytes(), usage.gigabytes(), withUsage);
        put(set, "per_volume_gigabytes", quota.perVolumeGigabytes(), 0, withUsage);
        put(set, "backups", quota.backups(), 0, withUsage);
        put(set, "backup_gigabytes", quota.backupGigabytes(), 0, withUsage);
        put(set, "groups", quota.groups(), 0, withUsage);
        put(set, "volumes___DEFAULT__", -1, usage.volumes(), withUsage);
        put(set, "snapshots___DEFAULT__", -1, usage.snapshots(), withUsage);
        put(set, "gigabytes___DEFAULT__", -1, usage.gigabytes(), withUsage);
        req.ok(new JsonObject().put("quota_set", set));
    }

    private static void put(JsonObject set, String key, int limit, int inUse, boolean withUsage) {
        set.put(key, withUsage
                ? new JsonObject().put("limit", limit).put("in_use", inUse).put("reserved", 0)
                : limit);
    }

    private void limits(ApiRequest req) {
        if (CinderScope.wrongProject(req, "limits_extension:used_limits")) {
            return;
        }
        VolumeQuota quota = req.cloud().volumes().quota();
        VolumeUsage usage = req.cloud().volumes().usage(CinderScope.project(req), req.now());
        JsonObject absolute = new JsonObject()
                .put("maxTotalVolumes", quota.volumes())
                .put("maxTotalSnapshots", quota.snapshots())
                .put("maxTotalVolumeGigabytes", quota.gigabytes())
                .put("maxTotalBackups", quota.backups())
                .put("maxTotalBackupGigabytes", quota.backupGigabytes())
                .put("totalVolumesUsed", usage.volumes())
                .put("totalSnapshotsUsed", usage.snapshots())
                .put("totalGigabytesUsed", usage.gigabytes())
                .put("totalBackupsUsed", 0)
                .put("totalBackupGigabytesUsed", 0);
        req.ok(new JsonObject().put("limits", new JsonObject().put("rate", new JsonArray())
                .put("absolute", absolute)));
    }
}

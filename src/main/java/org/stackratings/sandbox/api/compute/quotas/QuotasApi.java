package org.stackratings.sandbox.api.compute.quotas;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.api.compute.ComputeApi;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;

/**
 * {@code GET /limits} (the absolute limits from the project's quotas and what it uses) and {@code os-quota-sets}:
 * the project's own set, its {@code /detail} (in use, limit, reserved) and the {@code /defaults}; another project's
 * set and any {@code PUT} or {@code DELETE} are refused with 403 to a member, as Nova's default policy does. The
 * fields follow the microversion: the personality quotas go at 2.57, the network ones at 2.36.
 */
public final class QuotasApi {

    private enum View { SHOW, DEFAULTS, DETAIL }

    public void register(ServiceRoutes routes, String prefix) {
        String sets = prefix + "/os-quota-sets/:tenant_id";
        routes.get(sets, NovaRefusal.answering(req -> quotaSet(req, View.SHOW)));
        routes.get(sets + "/defaults", NovaRefusal.answering(req -> quotaSet(req, View.DEFAULTS)));
        routes.get(sets + "/detail", NovaRefusal.answering(req -> quotaSet(req, View.DETAIL)));
        routes.route(HttpMethod.PUT, sets, true, NovaRefusal.answering(req -> refuse("update")));
        routes.route(HttpMethod.DELETE, sets, true, NovaRefusal.answering(req -> refuse("delete")));
        routes.get(prefix + "/limits", NovaRefusal.answering(this::limits));
    }

    private static void refuse(String what) {
        throw new NovaRefusal(403, "Policy doesn't allow os_compute_api:os-quota-sets:" + what + " to be performed.");
    }

    private void limits(ApiRequest req) {
        Microversion mv = ComputeApi.microversion(req);
        ComputeQuotaLimits q = ComputeQuotaLimits.of(req);
        ComputeUsage usage = ComputeUsage.of(req);
        JsonObject absolute = new JsonObject()
                .put("maxTotalCores", q.cores()).put("maxTotalInstances", q.instances())
                .put("maxTotalRAMSize", q.ramMb())
                .put("maxServerMeta", q.metadataItems()).put("maxImageMeta", q.metadataItems())
                .put("maxTotalKeypairs", q.keyPairs())
                .put("maxServerGroups", q.serverGroups()).put("maxServerGroupMembers", q.serverGroupMembers())
                .put("totalCoresUsed", usage.cores()).put("totalInstancesUsed", usage.instances())
                .put("totalRAMUsed", usage.ramMb())
                .put("totalServerGroupsUsed", usage.serverGroups());
        if (!mv.atLeast(2, 57)) {
            absolute.put("maxPersonality", 5).put("maxPersonalitySize", 10240);
        }
        if (!mv.atLeast(2, 36)) {
            absolute.put("maxSecurityGroups", 10).put("maxSecurityGroupRules", 20)
                    .put("maxTotalFloatingIps", 10).put("totalFloatingIpsUsed", 0)
                    .put("totalSecurityGroupsUsed", 0);
        }
        req.ok(new JsonObject().put("limits", new JsonObject().put("rate", new JsonArray())
                .put("absolute", absolute)));
    }

    private void quotaSet(ApiRequest req, View view) {
        String tenant = req.param("tenant_id");
        if (view != View.DEFAULTS && !tenant.equals(req.token().projectId())) {
            refuse(view == View.SHOW ? "show" : "detail");
        }
        Microversion mv = ComputeApi.microversion(req);
        ComputeQuotaLimits q = ComputeQuotaLimits.of(req);
        ComputeUsage usage = view == View.DETAIL ? ComputeUsage.of(req) : new ComputeUsage(0, 0, 0, 0);
        Map<String, Integer> limits = new LinkedHashMap<>();
        Map<String, Integer> used = Map.of("instances", usage.instances(), "cores", usage.cores(), "ram",
                usage.ramMb(), "server_groups", usage.serverGroups());
        limits.put("instances", q.instances());
        limits.put("cores", q.cores());
        limits.put("ram", q.ramMb());
        limits.put("key_pairs", q.keyPairs());
        limits.put("metadata_items", q.metadataItems());
        limits.put("server_groups", q.serverGroups());
        limits.put("server_group_members", q.serverGroupMembers());
        if (!mv.atLeast(2, 57)) {
            limits.put("injected_files", 5);
            limits.put("injected_file_content_bytes", 10240);
            limits.put("injected_file_path_bytes", 255);
        }
        if (!mv.atLeast(2, 36)) {
            limits.put("fixed_ips", -1);
            limits.put("floating_ips", 10);
            limits.put("security_groups", 10);
            limits.put("security_group_rules", 20);
        }
        JsonObject set = new JsonObject().put("id", tenant);
        limits.forEach((k, v) -> set.put(k, view == View.DETAIL
                ? new JsonObject().put("in_use", used.getOrDefault(k, 0)).put("limit", v).put("reserved", 0)
                : v));
        req.ok(new JsonObject().put("quota_set", set));
    }
}

package org.stackratings.sandbox.api.compute;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * Nova's {@code os-tenant-networks} proxy up to microversion 2.35 (404 from 2.36): the Neutron networks the project
 * sees (its own, shared and external ones) as {@code id}, {@code label} and {@code cidr} (null, as Nova shows
 * Neutron's networks).
 */
final class TenantNetworksApi {

    void register(ServiceRoutes routes, String prefix) {
        routes.get(prefix + "/os-tenant-networks", NovaRefusal.answering(this::list));
        routes.get(prefix + "/os-tenant-networks/:network_id", NovaRefusal.answering(this::show));
    }

    private static List<JsonObject> visible(ApiRequest req) {
        if (ComputeApi.microversion(req).atLeast(2, 36)) {
            throw new NovaRefusal(404, "The resource could not be found.");
        }
        String project = req.profile().project().id();
        return req.cloud().networks().all(NeutronKind.NETWORK).stream()
                .filter(n -> project.equals(n.getString("project_id")) || n.getBoolean("shared", false)
                        || n.getBoolean("router:external", false))
                .toList();
    }

    private static JsonObject json(JsonObject network) {
        return new JsonObject().put("id", network.getString("id")).put("label", network.getString("name"))
                .putNull("cidr");
    }

    private void list(ApiRequest req) {
        JsonArray list = new JsonArray();
        visible(req).forEach(n -> list.add(json(n)));
        req.ok(new JsonObject().put("networks", list));
    }

    private void show(ApiRequest req) {
        String id = req.param("network_id");
        JsonObject network = visible(req).stream().filter(n -> id.equals(n.getString("id"))).findFirst()
                .orElseThrow(() -> new NovaRefusal(404, "Network not found"));
        req.ok(new JsonObject().put("network", json(network)));
    }
}

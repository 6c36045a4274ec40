package org.stackratings.sandbox.api.network;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * Neutron's {@code quotas} for a member: the own project's limits ({@code GET /v2.0/quotas/{project_id}}) and their
 * use ({@code .../details}); another project's, and every change, are the admin's.
 */
final class QuotaApi {

    /** Neutron's default quota for a kind; -1 is unlimited. */
    static int limit(NeutronKind kind) {
        return kind.defaultQuota();
    }

    void register(ServiceRoutes routes) {
        routes.get("/v2.0/quotas/:project_id", NeutronError.answering(this::show));
        routes.get("/v2.0/quotas/:project_id/details", NeutronError.answering(this::details));
        routes.route(HttpMethod.PUT, "/v2.0/quotas/:project_id", true, NeutronError.answering(this::adminOnly));
        routes.route(HttpMethod.DELETE, "/v2.0/quotas/:project_id", true, NeutronError.answering(this::adminOnly));
    }

    private static NeutronRequest own(ApiRequest http) {
        NeutronRequest req = NeutronRequest.of(http);
        if (!req.projectId().equals(http.param("project_id"))) {
            throw NeutronError.forbidden("Only admin can view or configure quota");
        }
        return req;
    }

    private void show(ApiRequest http) {
        own(http);
        JsonObject quota = new JsonObject();
        for (NeutronKind kind : NeutronKind.values()) {
            quota.put(kind.singular(), limit(kind));
        }
        http.ok(new JsonObject().put("quota", quota));
    }

    private void details(ApiRequest http) {
        NeutronRequest req = own(http);
        JsonObject quota = new JsonObject();
        for (NeutronKind kind : NeutronKind.values()) {
            quota.put(kind.singular(), new JsonObject().put("limit", limit(kind))
                    .put("used", req.store().count(kind, req.projectId())).put("reserved", 0));
        }
        http.ok(new JsonObject().put("quota", quota));
    }

    private void adminOnly(ApiRequest http) {
        throw NeutronError.forbidden("Only admin can view or configure quota");
    }
}

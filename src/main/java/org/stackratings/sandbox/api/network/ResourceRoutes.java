package org.stackratings.sandbox.api.network;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * The collection routes of one {@link NeutronResource} under {@code /v2.0/<collection>}: list (with
 * {@link ListQuery}), show (with {@code fields}), create (one, or a bulk list that succeeds or fails as a whole,
 * within the project's quota), update and delete.
 */
public final class ResourceRoutes {

    private final NeutronResource resource;
    private final NeutronKind kind;

    public ResourceRoutes(NeutronResource resource) {
        this.resource = resource;
        this.kind = resource.kind();
    }

    public void register(ServiceRoutes routes) {
        String base = "/v2.0/" + kind.path();
        routes.get(base, NeutronError.answering(this::list));
        routes.route(HttpMethod.POST, base, true, NeutronError.answering(this::create));
        routes.get(base + "/:id", NeutronError.answering(this::show));
        routes.route(HttpMethod.PUT, base + "/:id", true, NeutronError.answering(this::update));
        routes.route(HttpMethod.DELETE, base + "/:id", true, NeutronError.answering(this::delete));
        resource.registerExtra(routes);
    }

    private void list(ApiRequest http) {
        NeutronRequest req = NeutronRequest.of(http);
        List<JsonObject> visible = req.store().all(kind).stream().filter(d -> req.visible(kind, d))
                .map(d -> resource.render(req, d)).toList();
        String self = http.serviceBase() + "/v2.0/" + kind.path();
        http.ok(new ListQuery(http.context().queryParams()).page(kind.plural(), self, visible));
    }

    private void show(ApiRequest http) {
        NeutronRequest req = NeutronRequest.of(http);
        JsonObject doc = req.find(kind, http.param("id"));
        http.ok(new JsonObject().put(kind.singular(),
                new ListQuery(http.context().queryParams()).fields(resource.render(req, doc))));
    }

    private void create(ApiRequest http) {
        NeutronRequest req = NeutronRequest.of(http);
        JsonObject body = http.jsonBody();
        if (body != null && body.getValue(kind.plural()) instanceof JsonArray many) {
            List<JsonObject> items = new ArrayList<>();
            for (Object o : many) {
                items.add(asObject(o));
            }
            checkQuota(req, items.size());
            List<JsonObject> created = new ArrayList<>();
            try {
                for (JsonObject item : items) {
                    created.add(resource.create(req, new Attributes(item)));
                }
            } catch (NeutronError e) {
                for (int i = created.size() - 1; i >= 0; i--) {
                    resource.delete(req, created.get(i));
                }
                throw e;
            }
            http.reply(201, new JsonObject().put(kind.plural(),
                    new JsonArray(created.stream().map(d -> resource.render(req, d)).toList())));
            return;
        }
        JsonObject item = asObject(body == null ? null : body.getValue(kind.singular()));
        checkQuota(req, 1);
        JsonObject created = resource.create(req, new Attributes(item));
        http.reply(201, new JsonObject().put(kind.singular(), resource.render(req, created)));
    }

    private JsonObject asObject(Object value) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw NeutronError.badRequest("Resource body required");
    }

    private void checkQuota(NeutronRequest req, int adding) {
        int limit = QuotaApi.limit(kind);
        if (limit >= 0 && req.store().count(kind, req.projectId()) + adding > limit) {
            throw NeutronError.overQuota(kind);
        }
    }

    private void update(ApiRequest http) {
        NeutronRequest req = NeutronRequest.of(http);
        JsonObject doc = req.find(kind, http.param("id"));
        JsonObject body = http.jsonBody();
        JsonObject item = asObject(body == null ? null : body.getValue(kind.singular()));
        JsonObject updated = resource.update(req, doc, new Attributes(item));
        http.ok(new JsonObject().put(kind.singular(), resource.render(req, updated)));
    }

    private void delete(ApiRequest http) {
        NeutronRequest req = NeutronRequest.of(http);
        resource.delete(req, req.find(kind, http.param("id")));
        http.reply(204, null);
    }
}

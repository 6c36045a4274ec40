package org.stackratings.sandbox.api.network;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * Neutron's {@code standard-attr-tag}: the tags of a resource under {@code /v2.0/<collection>/{id}/tags}, replaced
 * as a whole, added or removed one by one, checked one by one (204 or 404), or all removed.
 */
final class TagApi {

    private static final int MAX_LENGTH = 60;

    void register(ServiceRoutes routes, NeutronKind kind) {
        String base = "/v2.0/" + kind.path() + "/:id/tags";
        routes.get(base, NeutronError.answering(req -> list(req, kind)));
        routes.route(HttpMethod.PUT, base, true, NeutronError.answering(req -> replace(req, kind)));
        routes.route(HttpMethod.DELETE, base, true, NeutronError.answering(req -> clear(req, kind)));
        routes.get(base + "/:tag", NeutronError.answering(req -> check(req, kind)));
        routes.route(HttpMethod.PUT, base + "/:tag", true, NeutronError.answering(req -> add(req, kind)));
        routes.route(HttpMethod.DELETE, base + "/:tag", true, NeutronError.answering(req -> remove(req, kind)));
    }

    private static JsonObject target(ApiRequest http, NeutronKind kind) {
        NeutronRequest req = NeutronRequest.of(http);
        JsonObject doc = req.find(kind, http.param("id"));
        if (http.context().request().method() != HttpMethod.GET && !req.projectId().equals(doc.getString("project_id"))) {
            throw NeutronError.forbidden("(rule:update_" + kind.singular() + ":tags) is disallowed by policy");
        }
        return doc;
    }

    private void list(ApiRequest http, NeutronKind kind) {
        http.ok(new JsonObject().put("tags", target(http, kind).getJsonArray("tags").copy()));
    }

    private void replace(ApiRequest http, NeutronKind kind) {
        JsonObject doc = target(http, kind);
        JsonObject body = http.jsonBody();
        if (body == null || !(body.getValue("tags") instanceof JsonArray requested)) {
            throw NeutronError.badRequest("Invalid input for tags. Reason: a list of tags is required.");
        }
        Set<String> tags = new LinkedHashSet<>();
        for (Object o : requested) {
            tags.add(valid(o));
        }
        doc.put("tags", new JsonArray(tags.stream().toList()));
        NeutronRequest.of(http).touched(doc);
        http.ok(new JsonObject().put("tags", doc.getJsonArray("tags").copy()));
    }

    private void clear(ApiRequest http, NeutronKind kind) {
        JsonObject doc = target(http, kind);
        doc.put("tags", new JsonArray());
        NeutronRequest.of(http).touched(doc);
        http.reply(204, null);
    }

    private void check(ApiRequest http, NeutronKind kind) {
        JsonObject doc = target(http, kind);
        String tag = http.param("tag");
        if (!doc.getJsonArray("tags").contains(tag)) {
            throw notFound(kind, doc, tag);
        }
        http.reply(204, null);
    }

    private void add(ApiRequest http, NeutronKind kind) {
        JsonObject doc = target(http, kind);
        String tag = valid(http.param("tag"));
        if (!doc.getJsonArray("tags").contains(tag)) {
            doc.getJsonArray("tags").add(tag);
            NeutronRequest.of(http).touched(doc);
        }
        http.reply(201, null);
    }

    private void remove(ApiRequest http, NeutronKind kind) {
        JsonObject doc = target(http, kind);
        String tag = http.param("tag");
        if (!doc.getJsonArray("tags").remove(tag)) {
            throw notFound(kind, doc, tag);
        }
        NeutronRequest.of(http).touched(doc);
        http.reply(204, null);
    }

    private static String valid(Object value) {
        if (!(value instanceof String tag) || tag.isEmpty() || tag.length() > MAX_LENGTH || tag.contains(",")) {
            throw NeutronError.badRequest("Invalid input for tags. Reason: '" + value + "' is not a valid tag"
                    + " (a string of 1 to " + MAX_LENGTH + " characters without comma).");
        }
        return tag;
    }

    private static NeutronError notFound(NeutronKind kind, JsonObject doc, String tag) {
        return new NeutronError(404, "TagNotFound", "Tag " + tag + " could not be found for " + kind.singular()
                + " " + doc.getString("id") + ".");
    }
}

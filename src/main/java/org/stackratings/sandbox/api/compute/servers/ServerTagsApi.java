package org.stackratings.sandbox.api.compute.servers;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stackratings.sandbox.api.compute.ComputeApi;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.SimulatedServer;

/**
 * A server's tags from microversion 2.26 under {@code /servers/{id}/tags}: list, replace all ({@code PUT}), delete all,
 * and one tag (check: 204 or 404, add: 201 or 204 if it was there, delete). A tag is 1 to {@value #MAX_LENGTH}
 * characters without {@code /} or {@code ,}; a server holds at most {@value #MAX_TAGS}. Before 2.26 the routes are
 * Nova's 404; a server still building refuses changes with 409.
 */
final class ServerTagsApi {

    static final int MAX_TAGS = 50;
    static final int MAX_LENGTH = 60;

    void register(ServiceRoutes routes, String server) {
        routes.get(server + "/tags", NovaRefusal.answering(this::list));
        routes.route(HttpMethod.PUT, server + "/tags", true, NovaRefusal.answering(this::replaceAll));
        routes.route(HttpMethod.DELETE, server + "/tags", true, NovaRefusal.answering(this::deleteAll));
        routes.get(server + "/tags/:tag", NovaRefusal.answering(this::check));
        routes.route(HttpMethod.PUT, server + "/tags/:tag", true, NovaRefusal.answering(this::add));
        routes.route(HttpMethod.DELETE, server + "/tags/:tag", true, NovaRefusal.answering(this::delete));
    }

    private static SimulatedServer server(ApiRequest req) {
        if (!ComputeApi.microversion(req).atLeast(2, 26)) {
            throw new NovaRefusal(404, "The resource could not be found.");
        }
        return RequestedServer.existing(req);
    }

    private static SimulatedServer changeable(ApiRequest req) {
        SimulatedServer server = server(req);
        if ("BUILD".equals(server.status())) {
            throw new NovaRefusal(409, "Cannot update tags of instance " + server.id() + " while it is in vm_state "
                    + server.vmState());
        }
        return server;
    }

    private static String valid(Object tag) {
        if (!(tag instanceof String t) || t.isEmpty() || t.length() > MAX_LENGTH || t.contains("/")
                || t.contains(",")) {
            throw new NovaRefusal(400, "Tag '" + tag + "' is invalid. It must be a non empty string of at most "
                    + MAX_LENGTH + " characters without '/' and ','.");
        }
        return t;
    }

    private static NovaRefusal tooMany() {
        return new NovaRefusal(400, "The number of tags exceeded the per-server limit " + MAX_TAGS);
    }

    private static JsonObject tagsDocument(SimulatedServer server) {
        return new JsonObject().put("tags", new JsonArray(new ArrayList<>(server.details().tags())));
    }

    private void list(ApiRequest req) {
        req.ok(tagsDocument(server(req)));
    }

    private void replaceAll(ApiRequest req) {
        JsonObject body = req.jsonBody();
        if (body == null || !(body.getValue("tags") instanceof JsonArray tags)) {
            throw new NovaRefusal(400, "Invalid input for field/attribute tags. 'tags' is a required property");
        }
        Set<String> wanted = new LinkedHashSet<>();
        tags.forEach(t -> wanted.add(valid(t)));
        if (wanted.size() > MAX_TAGS) {
            throw tooMany();
        }
        SimulatedServer server = changeable(req);
        SimulatedServer changed = RequestedServer.modify(req, server.id(), r -> {
            r.tags().clear();
            r.tags().addAll(wanted);
        });
        req.ok(tagsDocument(changed));
    }

    private void deleteAll(ApiRequest req) {
        SimulatedServer server = changeable(req);
        RequestedServer.modify(req, server.id(), r -> r.tags().clear());
        req.reply(204, null);
    }

    private void check(ApiRequest req) {
        String tag = req.param("tag");
        if (!server(req).details().tags().contains(tag)) {
            throw new NovaRefusal(404, "Tag " + tag + " could not be found.");
        }
        req.reply(204, null);
    }

    private void add(ApiRequest req) {
        String tag = valid(req.param("tag"));
        SimulatedServer server = changeable(req);
        List<String> tags = server.details().tags();
        if (tags.contains(tag)) {
            req.reply(204, null);
            return;
        }
        if (tags.size() >= MAX_TAGS) {
            throw tooMany();
        }
        RequestedServer.modify(req, server.id(), r -> r.tags().add(tag));
        req.putHeader("Location", new ServerDocuments(req).selfHref(server.id()) + "/tags/" + tag);
        req.reply(201, null);
    }

    private void delete(ApiRequest req) {
        String tag = req.param("tag");
        SimulatedServer server = changeable(req);
        if (!server.details().tags().contains(tag)) {
            throw new NovaRefusal(404, "Tag " + tag + " could not be found.");
        }
        RequestedServer.modify(req, server.id(), r -> r.tags().remove(tag));
        req.reply(204, null);
    }
}

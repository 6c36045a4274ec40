package org.stackratings.sandbox.api.compute.servers;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.SimulatedServer;

/**
 * What a server exposes of its guest: its addresses ({@code GET /servers/{id}/ips}, and by network label
 * {@code /ips/{network_label}}, 404 for a network it is not on) and its encrypted password
 * ({@code os-server-password}: always empty, as no guest posts one to the metadata service; {@code DELETE} 204).
 */
final class ServerAddressesApi {

    void register(ServiceRoutes routes, String server) {
        routes.get(server + "/ips", NovaRefusal.answering(this::all));
        routes.get(server + "/ips/:network_label", NovaRefusal.answering(this::byNetwork));
        routes.get(server + "/os-server-password", NovaRefusal.answering(this::password));
        routes.route(HttpMethod.DELETE, server + "/os-server-password", true, NovaRefusal.answering(this::clear));
    }

    private void all(ApiRequest req) {
        SimulatedServer server = RequestedServer.existing(req);
        req.ok(new JsonObject().put("addresses", new ServerDocuments(req).addresses(server, false)));
    }

    private void byNetwork(ApiRequest req) {
        SimulatedServer server = RequestedServer.existing(req);
        String label = req.param("network_label");
        JsonObject addresses = new ServerDocuments(req).addresses(server, false);
        if (!addresses.containsKey(label)) {
            throw new NovaRefusal(404, "Network " + label + " could not be found.");
        }
        req.ok(new JsonObject().put(label, addresses.getJsonArray(label)));
    }

    private void password(ApiRequest req) {
        RequestedServer.existing(req);
        req.ok(new JsonObject().put("password", ""));
    }

    private void clear(ApiRequest req) {
        RequestedServer.existing(req);
        req.reply(204, null);
    }
}

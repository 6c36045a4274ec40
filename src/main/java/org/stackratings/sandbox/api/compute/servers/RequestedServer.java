package org.stackratings.sandbox.api.compute.servers;

import java.util.function.Consumer;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.ServerRecord;
import org.stackratings.sandbox.state.SimulatedServer;

/** The server a request names in {@code :server_id}, read or changed in the cloud's store; Nova's 404 if none. */
public final class RequestedServer {

    private RequestedServer() {
    }

    /** The server of the request's {@code :server_id}. */
    public static SimulatedServer existing(ApiRequest req) {
        String id = req.param("server_id");
        return req.cloud().serverStore().find(id).orElseThrow(() -> NovaRefusal.noInstance(id));
    }

    /** The server of the request's {@code :server_id}, refused with Nova's 409 when it is locked. */
    public static SimulatedServer unlocked(ApiRequest req) {
        SimulatedServer server = existing(req);
        if (server.details().locked()) {
            throw locked(server.id());
        }
        return server;
    }

    /** Nova's 409 for an action on a locked server by its (non-admin) owner. */
    public static NovaRefusal locked(String id) {
        return new NovaRefusal(409, "Instance " + id + " is locked");
    }

    /** Applies {@code change} to server {@code id} and returns it changed. */
    public static SimulatedServer modify(ApiRequest req, String id, Consumer<ServerRecord> change) {
        return req.cloud().serverStore().modify(id, change).orElseThrow(() -> NovaRefusal.noInstance(id));
    }
}

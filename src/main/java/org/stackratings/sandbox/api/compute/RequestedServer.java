package org.stackratings.sandbox.api.compute;

import java.util.function.Consumer;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.ServerStore;
import org.stackratings.sandbox.state.SimulatedServer;

/** The server a request names in {@code :server_id}, read or changed in the cloud's store; Nova's 404 if none. */
final class RequestedServer {

    private RequestedServer() {
    }

    /** The server of the request's {@code :server_id}. */
    static SimulatedServer existing(ApiRequest req) {
        String id = req.param("server_id");
        return req.cloud().serverStore().find(id).orElseThrow(() -> NovaRefusal.noInstance(id));
    }

    /** Applies {@code change} to server {@code id} and returns it changed. */
    static SimulatedServer modify(ApiRequest req, String id, Consumer<ServerStore.Entry> change) {
        return req.cloud().serverStore().modify(id, change).orElseThrow(() -> NovaRefusal.noInstance(id));
    }
}

package org.stackratings.sandbox.api.compute.servers.actions;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.api.compute.servers.ActionHistory;
import org.stackratings.sandbox.api.compute.servers.RequestedServer;
import org.stackratings.sandbox.api.compute.servers.ServerFields;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.SimulatedServer;

/**
 * {@code resize} (to another flavor; RESIZE for {@link #TIME}, then VERIFY_RESIZE with the new flavor),
 * {@code confirmResize} (keeps it: ACTIVE, or SHUTOFF if the server was stopped) and {@code revertResize}
 * (REVERT_RESIZE for {@link #TIME}, then the old flavor back), with Nova's 400 for the same or an unknown flavor and
 * its 409 in any other state.
 */
final class ResizeActions {

    static final Duration TIME = Duration.ofSeconds(2);

    void resize(ApiRequest req, Object argument) {
        if (!(argument instanceof JsonObject body)) {
            throw NovaRefusal.invalid("resize", argument);
        }
        String flavor = ServerFields.reference(body.getValue("flavorRef"), "flavorRef");
        String disk = ServerFields.diskConfig(body.getValue("OS-DCF:diskConfig"));
        SimulatedServer server = RequestedServer.unlocked(req);
        ServerStates.require(server, "resize", "active", "stopped");
        if (req.inventory().flavor(flavor).isEmpty()) {
            throw new NovaRefusal(400, "Unable to locate requested flavor.");
        }
        if (flavor.equals(server.flavorId())) {
            throw new NovaRefusal(400, "When resizing, instances must change flavor!");
        }
        var record = ActionHistory.of(req, "resize", "compute_resize_instance", TIME, false);
        RequestedServer.modify(req, server.id(), r -> {
            r.record(record);
            r.begin("RESIZE", "resize_prep", TIME, req.now(), done -> done.resized(flavor, disk));
        });
        req.reply(202, null);
    }

    void confirm(ApiRequest req, Object argument) {
        SimulatedServer server = RequestedServer.unlocked(req);
        ServerStates.require(server, "confirmResize", "resized");
        var record = ActionHistory.of(req, "confirmResize", "compute_confirm_resize", Duration.ZERO, false);
        RequestedServer.modify(req, server.id(), r -> {
            r.record(record);
            r.resizeSettled(true);
        });
        req.reply(204, null);
    }

    void revert(ApiRequest req, Object argument) {
        SimulatedServer server = RequestedServer.unlocked(req);
        ServerStates.require(server, "revertResize", "resized");
        var record = ActionHistory.of(req, "revertResize", "compute_revert_resize", TIME, false);
        RequestedServer.modify(req, server.id(), r -> {
            r.record(record);
            r.begin("REVERT_RESIZE", "resize_reverting", TIME, req.now(), done -> done.resizeSettled(false));
        });
        req.reply(202, null);
    }
}

package org.stackratings.sandbox.api.compute.servers.actions;

import io.netty.util.NetUtil;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.stackratings.sandbox.api.compute.ComputeApi;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.api.compute.servers.ActionHistory;
import org.stackratings.sandbox.api.compute.servers.RequestedServer;
import org.stackratings.sandbox.api.compute.servers.ServerDocuments;
import org.stackratings.sandbox.api.compute.servers.ServerFields;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.SimulatedServer;

/**
 * The {@code rebuild} action: a new image (required), and optionally a new name, metadata (replacing the old),
 * {@code adminPass}, access addresses, {@code OS-DCF:diskConfig} and (2.19) description. The server is REBUILD
 * ({@code rebuilding}) for {@link #TIME}, then back in its state before (ACTIVE, or SHUTOFF if it was stopped). The
 * answer is the server with its admin password.
 */
final class RebuildAction {

    static final Duration TIME = Duration.ofSeconds(2);

    void apply(ApiRequest req, Object argument) {
        if (!(argument instanceof JsonObject body)) {
            throw NovaRefusal.invalid("rebuild", argument);
        }
        String image = ServerFields.reference(body.getValue("imageRef"), "imageRef");
        String name = body.containsKey("name") ? ServerFields.name(body.getValue("name")) : null;
        Map<String, String> metadata = body.containsKey("metadata")
                ? ServerFields.metadata(body.getValue("metadata")) : null;
        Object password = body.getValue("adminPass");
        if (password != null && !(password instanceof String)) {
            throw NovaRefusal.invalid("adminPass", password);
        }
        String v4 = ServerFields.address(body.getValue("accessIPv4"), "accessIPv4", NetUtil::isValidIpV4Address);
        String v6 = ServerFields.address(body.getValue("accessIPv6"), "accessIPv6", ServerFields::isIpV6);
        String disk = ServerFields.diskConfig(body.getValue("OS-DCF:diskConfig"));
        boolean describes = ComputeApi.microversion(req).atLeast(2, 19) && body.containsKey("description");
        String description = describes ? ServerFields.description(body.getValue("description")) : null;
        SimulatedServer server = RequestedServer.unlocked(req);
        ServerStates.require(server, "rebuild", "active", "stopped");
        if (req.cloud().images().bootable(image).isEmpty()) {
            throw new NovaRefusal(400, "Cannot find image for rebuild");
        }
        if (server.imageId().isEmpty()) {
            // Nova rebuilds a volume-backed server onto a new image only from 2.93, above the sandbox's maximum
            throw new NovaRefusal(400, "Unable to rebuild with a different image for a volume-backed server.");
        }
        var record = ActionHistory.of(req, "rebuild", "compute_rebuild_instance", TIME, false);
        SimulatedServer rebuilt = RequestedServer.modify(req, server.id(), r -> {
            r.rebuilt(image, disk, (String) password);
            if (name != null) {
                r.name(name);
            }
            if (metadata != null) {
                r.metadata().clear();
                r.metadata().putAll(metadata);
            }
            if (describes) {
                r.description(description);
            }
            r.accessIPs(v4, v6);
            r.record(record);
            r.begin("REBUILD", "rebuilding", TIME, req.now(), done -> { });
        });
        JsonObject document = new ServerDocuments(req).changed(rebuilt, true)
                .put("adminPass", rebuilt.adminPass());
        req.reply(202, new JsonObject().put("server", document));
    }
}

package org.stackratings.sandbox.api.compute.servers.actions;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.stackratings.sandbox.api.compute.ComputeApi;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.api.compute.servers.ActionHistory;
import org.stackratings.sandbox.api.compute.servers.RequestedServer;
import org.stackratings.sandbox.api.compute.servers.ServerApi;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.SimulatedServer;

/**
 * {@code POST /servers/{id}/action}: {@code lock} and {@code unlock}, {@code os-stop} and {@code os-start},
 * {@code reboot} (SOFT or HARD, REBOOT/HARD_REBOOT then ACTIVE on the sandbox clock), {@code rebuild}
 * ({@link RebuildAction}), {@code resize}, {@code confirmResize} and {@code revertResize} ({@link ResizeActions}) and
 * {@code os-getConsoleOutput} ({@link ConsoleOutput}), {@code createImage} and {@code createBackup}
 * ({@link SnapshotAction}), {@code addSecurityGroup} and {@code removeSecurityGroup} ({@link SecurityGroupActions}),
 * {@code forceDelete} (a delete: the sandbox does not keep deleted servers to restore) and {@code restore} (Nova's
 * 409, as for any server that is not soft-deleted). A locked server refuses all but lock, unlock and console
 * output with Nova's 409, as it does for its non-admin owner; a state that does not allow an action is Nova's 409 too
 * ({@link ServerStates}). Each action is recorded in the server's history ({@code os-instance-actions}).
 */
public final class ServerActionsApi {

    /** How long a reboot takes on the sandbox clock. */
    static final Duration REBOOT_TIME = Duration.ofSeconds(1);

    private final RebuildAction rebuild = new RebuildAction();
    private final ResizeActions resize = new ResizeActions();
    private final SnapshotAction snapshot = new SnapshotAction();
    private final SecurityGroupActions securityGroups = new SecurityGroupActions();

    /** Registers the route under {@code server}, the path of one server ({@code .../servers/:server_id}). */
    public void register(ServiceRoutes routes, String server) {
        routes.route(HttpMethod.POST, server + "/action", true, NovaRefusal.answering(this::action));
    }

    private void action(ApiRequest req) {
        JsonObject body = req.jsonBody();
        if (body == null || body.size() != 1) {
            throw new NovaRefusal(400, "Malformed request body");
        }
        String action = body.fieldNames().iterator().next();
        Object argument = body.getValue(action);
        switch (action) {
            case "lock" -> lock(req, argument);
            case "unlock" -> unlock(req);
            case "os-getConsoleOutput" -> ConsoleOutput.answer(req, argument);
            case "os-stop" -> power(req, "stop", "compute_stop_instance", true, "active", "error");
            case "os-start" -> power(req, "start", "compute_start_instance", false, "stopped");
            case "reboot" -> reboot(req, argument);
            case "rebuild" -> rebuild.apply(req, argument);
            case "resize" -> resize.resize(req, argument);
            case "confirmResize" -> resize.confirm(req, argument);
            case "revertResize" -> resize.revert(req, argument);
            case "createImage" -> snapshot.apply(req, argument);
            case "createBackup" -> snapshot.backup(req, argument);
            case "addSecurityGroup" -> securityGroups.add(req, argument);
            case "removeSecurityGroup" -> securityGroups.remove(req, argument);
            case "forceDelete" -> forceDelete(req);
            case "restore" -> restore(req);
            default -> throw new NovaRefusal(400, "There is no such action: " + action);
        }
    }

    /** {@code {"lock": null}}, or from 2.73 {@code {"lock": {"locked_reason": "..."}}}. */
    private void lock(ApiRequest req, Object argument) {
        String reason = null;
        if (ComputeApi.microversion(req).atLeast(2, 73) && argument != null) {
            if (!(argument instanceof JsonObject o)) {
                throw NovaRefusal.invalid("lock", argument);
            }
            for (String field : o.fieldNames()) {
                if (!"locked_reason".equals(field)) {
                    throw new NovaRefusal(400, "Invalid input for field/attribute lock. Additional properties are "
                            + "not allowed ('" + field + "' was unexpected)");
                }
            }
            Object value = o.getValue("locked_reason");
            if (value != null && !(value instanceof String s && !s.isEmpty() && s.length() <= 255)) {
                throw NovaRefusal.invalid("locked_reason", value);
            }
            reason = (String) value;
        }
        String lockedReason = reason;
        SimulatedServer server = RequestedServer.existing(req);
        var record = ActionHistory.of(req, "lock", "compute_lock_instance", Duration.ZERO, false);
        RequestedServer.modify(req, server.id(), r -> {
            r.locked(true, lockedReason);
            r.record(record);
        });
        req.reply(202, null);
    }

    private void unlock(ApiRequest req) {
        SimulatedServer server = RequestedServer.existing(req);
        var record = ActionHistory.of(req, "unlock", "compute_unlock_instance", Duration.ZERO, false);
        RequestedServer.modify(req, server.id(), r -> {
            r.locked(false, null);
            r.record(record);
        });
        req.reply(202, null);
    }

    private void power(ApiRequest req, String what, String event, boolean stop, String... vmStates) {
        SimulatedServer server = RequestedServer.unlocked(req);
        ServerStates.require(server, what, vmStates);
        var record = ActionHistory.of(req, what, event, Duration.ZERO, false);
        RequestedServer.modify(req, server.id(), r -> {
            r.stopped(stop);
            r.record(record);
        });
        req.reply(202, null);
    }

    private void reboot(ApiRequest req, Object argument) {
        Object type = argument instanceof JsonObject r ? r.getValue("type") : null;
        String kind = type instanceof String t ? t.toUpperCase(java.util.Locale.ROOT) : null;
        if (!"SOFT".equals(kind) && !"HARD".equals(kind)) {
            throw NovaRefusal.invalid("type", type);
        }
        SimulatedServer server = RequestedServer.unlocked(req);
        boolean hard = "HARD".equals(kind);
        if (hard) {
            ServerStates.require(server, "reboot", "active", "stopped", "error");
        } else {
            ServerStates.require(server, "reboot", "active");
        }
        var record = ActionHistory.of(req, "reboot", "compute_reboot_instance", REBOOT_TIME, false);
        RequestedServer.modify(req, server.id(), r -> {
            r.record(record);
            r.begin(hard ? "HARD_REBOOT" : "REBOOT", hard ? "reboot_started_hard" : "reboot_started", REBOOT_TIME,
                    req.now(), done -> done.stopped(false));
        });
        req.reply(202, null);
    }

    /** {@code forceDelete}: a delete; the sandbox does not soft-delete, so every server is deleted at once. */
    private void forceDelete(ApiRequest req) {
        ServerApi.startDelete(req, RequestedServer.unlocked(req), "forceDelete");
        req.reply(202, null);
    }

    /** {@code restore}: only a soft-deleted server can be restored, and the sandbox keeps none. */
    private void restore(ApiRequest req) {
        SimulatedServer server = RequestedServer.existing(req);
        throw new NovaRefusal(409, "Cannot 'restore' instance " + server.id() + " while it is in vm_state "
                + server.vmState());
    }
}

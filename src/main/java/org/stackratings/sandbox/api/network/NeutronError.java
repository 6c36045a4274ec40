package org.stackratings.sandbox.api.network;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.network.NeutronKind;

/** A refusal in Neutron's words: the status and the {@code NeutronError} body (type, message, detail). */
public final class NeutronError extends RuntimeException {

    private final int status;
    private final String type;

    public NeutronError(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public static NeutronError badRequest(String message) {
        return new NeutronError(400, "HTTPBadRequest", message);
    }

    /** Neutron's answer to an attribute that fails validation. */
    public static NeutronError invalidInput(String message) {
        return new NeutronError(400, "InvalidInput", "Invalid input for operation: " + message);
    }

    public static NeutronError conflict(String type, String message) {
        return new NeutronError(409, type, message);
    }

    /** The not-found error of a kind, as Neutron words it for each. */
    public static NeutronError notFound(NeutronKind kind, String id) {
        return switch (kind) {
            case NETWORK -> new NeutronError(404, "NetworkNotFound", "Network " + id + " could not be found.");
            case SUBNET -> new NeutronError(404, "SubnetNotFound", "Subnet " + id + " could not be found.");
            case PORT -> new NeutronError(404, "PortNotFound", "Port " + id + " could not be found.");
            case ROUTER -> new NeutronError(404, "RouterNotFound", "Router " + id + " could not be found");
            case FLOATINGIP -> new NeutronError(404, "FloatingIPNotFound", "Floating IP " + id + " could not be found");
            case SECURITY_GROUP -> new NeutronError(404, "SecurityGroupNotFound", "Security group " + id + " does not exist");
            case SECURITY_GROUP_RULE -> new NeutronError(404, "SecurityGroupRuleNotFound",
                    "Security group rule " + id + " does not exist");
            case SUBNETPOOL -> new NeutronError(404, "SubnetPoolNotFound", "Subnet pool " + id + " could not be found.");
        };
    }

    public static NeutronError overQuota(NeutronKind kind) {
        return new NeutronError(409, "OverQuota", "Quota exceeded for resources: ['" + kind.singular() + "'].");
    }

    public static NeutronError forbidden(String message) {
        return new NeutronError(403, "PolicyNotAuthorized", message);
    }

    public int status() {
        return status;
    }

    public JsonObject body() {
        return new JsonObject().put("NeutronError", new JsonObject().put("type", type).put("message", getMessage())
                .put("detail", ""));
    }

    /** Runs {@code handler} holding the cloud's network store, answering a {@link NeutronError} it throws. */
    public static Handler<ApiRequest> answering(Handler<ApiRequest> handler) {
        return req -> {
            try {
                synchronized (req.cloud().networks()) {
                    handler.handle(req);
                }
            } catch (NeutronError e) {
                req.reply(e.status(), e.body());
            }
        };
    }
}

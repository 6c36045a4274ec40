package org.stackratings.sandbox.api.compute;

import io.vertx.core.Handler;
import org.stackratings.sandbox.routing.ApiRequest;

/**
 * A request Nova refuses: the status and message of its error body. The servers API throws it from deep inside its
 * validation; {@link #answering} turns it into the error answer.
 */
public final class NovaRefusal extends RuntimeException {

    private final int status;

    public NovaRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Nova's 400 for a field whose value it does not accept. */
    public static NovaRefusal invalid(String field, Object value) {
        return new NovaRefusal(400, "Invalid input for field/attribute " + field + ". Value: " + value + ".");
    }

    /** Nova's 404 for a server id it does not know. */
    public static NovaRefusal noInstance(String id) {
        return new NovaRefusal(404, "Instance " + id + " could not be found.");
    }

    /** Nova's 404 for a route that microversion {@code 2.(lastMinor + 1)} removed, when the request asks that or later. */
    public static void unlessAtMost(ApiRequest req, int lastMinor) {
        if (ComputeApi.microversion(req).atLeast(2, lastMinor + 1)) {
            throw new NovaRefusal(404, "The resource could not be found.");
        }
    }

    /** {@code handler}, with a refusal it throws answered as Nova's error of that status and message. */
    public static Handler<ApiRequest> answering(Handler<ApiRequest> handler) {
        return req -> {
            try {
                handler.handle(req);
            } catch (NovaRefusal r) {
                req.fail(r.status, r.getMessage());
            }
        };
    }
}

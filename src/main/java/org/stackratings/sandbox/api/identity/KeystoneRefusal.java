package org.stackratings.sandbox.api.identity;

import io.vertx.core.Handler;
import org.stackratings.sandbox.routing.ApiRequest;

/**
 * A request Keystone refuses: the status and message of its error body ({@code {"error": {code, title, message}}}).
 * Thrown from inside a handler; {@link #answering} turns it into the error answer.
 */
public final class KeystoneRefusal extends RuntimeException {

    /** Keystone's message for every 401 (the details stay in its log unless {@code insecure_debug}). */
    public static final String UNAUTHORIZED = "The request you have made requires authentication.";

    private final int status;

    public KeystoneRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static KeystoneRefusal unauthorized() {
        return new KeystoneRefusal(401, UNAUTHORIZED);
    }

    /** The 403 of a policy rule the token does not pass. */
    public static KeystoneRefusal forbidden(String action) {
        return new KeystoneRefusal(403, "You are not authorized to perform the requested action: " + action + ".");
    }

    /** The 404 of an unknown entity: {@code Could not find <kind>: <id>.} */
    public static KeystoneRefusal notFound(String kind, String id) {
        return new KeystoneRefusal(404, "Could not find " + kind + ": " + id + ".");
    }

    /** A 400 of the request's schema: {@code Invalid input for field '<field>': <problem>}. */
    public static KeystoneRefusal invalid(String field, String problem) {
        return new KeystoneRefusal(400, "Invalid input for field '" + field + "': " + problem);
    }

    /** {@code handler}, with a refusal it throws answered as Keystone's error of that status and message. */
    public static Handler<ApiRequest> answering(Handler<ApiRequest> handler) {
        return req -> {
            try {
                handler.handle(req);
            } catch (KeystoneRefusal r) {
                req.fail(r.status, r.getMessage());
            }
        };
    }

    /** Refuses with the policy's 403 unless the path's {@code user_id} is the token's own user. */
    public static void requireOwnUser(ApiRequest req, String action) {
        if (!req.token().user().id().equals(req.param("user_id"))) {
            throw forbidden(action);
        }
    }
}

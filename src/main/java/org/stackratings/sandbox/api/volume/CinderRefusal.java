package org.stackratings.sandbox.api.volume;

import io.vertx.core.Handler;
import org.stackratings.sandbox.routing.ApiRequest;

/**
 * A request Cinder refuses: the status and message of its error body. The volume actions and the snapshots API throw
 * it from their validation; {@link #answering} turns it into the error answer.
 */
public final class CinderRefusal extends RuntimeException {

    private final int status;

    public CinderRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Cinder's 400 {@code InvalidVolume}. */
    public static CinderRefusal invalidVolume(String reason) {
        return new CinderRefusal(400, "Invalid volume: " + reason);
    }

    /** Cinder's 400 {@code InvalidInput}. */
    public static CinderRefusal invalidInput(String reason) {
        return new CinderRefusal(400, "Invalid input received: " + reason);
    }

    /** The 400 of Cinder's JSON-schema validation for {@code field}. */
    public static CinderRefusal invalidField(String field, Object value, String reason) {
        return new CinderRefusal(400, "Invalid input for field/attribute " + field + ". Value: " + value + ". "
                + reason);
    }

    /** The 403 of a policy a member does not pass. */
    public static CinderRefusal policy(String rule) {
        return new CinderRefusal(403, "Policy doesn't allow " + rule + " to be performed.");
    }

    /** {@code handler}, with a refusal it throws answered as Cinder's error of that status and message. */
    public static Handler<ApiRequest> answering(Handler<ApiRequest> handler) {
        return req -> {
            try {
                handler.handle(req);
            } catch (CinderRefusal r) {
                req.fail(r.status, r.getMessage());
            }
        };
    }
}

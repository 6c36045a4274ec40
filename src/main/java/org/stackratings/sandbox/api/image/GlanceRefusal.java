package org.stackratings.sandbox.api.image;

import io.vertx.core.Handler;
import org.stackratings.sandbox.routing.ApiRequest;

/**
 * A request Glance refuses: the status and explanation of its error. The image API throws it from inside its
 * validation; {@link #answering} turns it into Glance's error answer.
 */
public final class GlanceRefusal extends RuntimeException {

    private final int status;

    public GlanceRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static GlanceRefusal badRequest(String message) {
        return new GlanceRefusal(400, message);
    }

    static GlanceRefusal forbidden(String message) {
        return new GlanceRefusal(403, message);
    }

    static GlanceRefusal noImage(String id) {
        return new GlanceRefusal(404, "No image found with ID " + id);
    }

    /** {@code handler}, with a refusal it throws answered as Glance's error of that status and message. */
    static Handler<ApiRequest> answering(Handler<ApiRequest> handler) {
        return req -> {
            try {
                handler.handle(req);
            } catch (GlanceRefusal r) {
                req.fail(r.status, r.getMessage());
            }
        };
    }
}

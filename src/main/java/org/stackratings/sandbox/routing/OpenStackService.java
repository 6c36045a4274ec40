package org.stackratings.sandbox.routing;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;

/** The services a simulated cloud can offer: URL segment under {@code /{cloud}} and the dialect of its error bodies. */
public enum OpenStackService {
    IDENTITY("identity"),
    COMPUTE("compute"),
    IMAGE("image"),
    NETWORK("network"),
    VOLUME("volume");

    private final String key;

    OpenStackService(String key) {
        this.key = key;
    }

    /** The name used in profiles and as URL segment. */
    public String key() {
        return key;
    }

    /** An error body in the style of the real service for {@code status}. */
    public JsonObject errorBody(int status, String message) {
        String title = HttpResponseStatus.valueOf(status).reasonPhrase();
        return switch (this) {
            case IDENTITY -> keystoneError(status, message);
            case COMPUTE, VOLUME -> new JsonObject().put(faultName(status),
                    new JsonObject().put("code", status).put("message", message));
            case IMAGE -> new JsonObject().put("code", status).put("title", title).put("message", message);
            case NETWORK -> new JsonObject().put("NeutronError", new JsonObject()
                    .put("type", "HTTP" + title.replace(" ", "")).put("message", message).put("detail", ""));
        };
    }

    /** The Keystone error body, also used by keystonemiddleware in front of every service (401). */
    public static JsonObject keystoneError(int status, String message) {
        return new JsonObject().put("error", new JsonObject().put("code", status)
                .put("title", HttpResponseStatus.valueOf(status).reasonPhrase()).put("message", message));
    }

    /** Nova's and Cinder's fault names (nova.api.openstack.wsgi.Fault). */
    private static String faultName(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 409 -> "conflictingRequest";
            case 413, 429 -> "overLimit";
            case 415 -> "badMediaType";
            case 501 -> "notImplemented";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }
}

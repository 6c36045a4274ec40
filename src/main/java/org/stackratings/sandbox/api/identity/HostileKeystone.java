package org.stackratings.sandbox.api.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import org.stackratings.sandbox.profile.HostileMode;
import org.stackratings.sandbox.profile.HostileProfile;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.TokenStore;

/**
 * Keystone's answers under the token modes of a hostile cloud (docs/sandbox.md, "Hostile clouds"):
 * {@code foreign-endpoints} and {@code dns-name} change the catalog's URLs, {@code wrong-types} the JSON types of the
 * token answer and of the catalog. Any other cloud gets the answers unchanged.
 */
final class HostileKeystone {

    private HostileKeystone() {
    }

    private static HostileMode mode(ApiRequest req) {
        HostileProfile hostile = req.profile().hostile();
        return hostile == null ? null : hostile.mode();
    }

    /** The base URL ({@code http://host:port/{cloud}}) of each service in the catalog. */
    static Function<String, String> catalogBases(ApiRequest req) {
        String own = req.catalogBase();
        HostileProfile hostile = req.profile().hostile();
        String cloud = req.cloud().name();
        if (mode(req) == HostileMode.FOREIGN_ENDPOINTS) {
            String foreign = hostile.redirectOrigin() + "/" + cloud;
            return service -> "identity".equals(service) ? own : foreign;
        }
        if (mode(req) == HostileMode.DNS_NAME) {
            String named = "http://" + hostile.endpointHost() + ":" + req.localPort() + "/" + cloud;
            return service -> named;
        }
        return service -> own;
    }

    /**
     * The token answer's {@code token} object; under {@code wrong-types}: {@code methods} a string,
     * {@code expires_at} and {@code issued_at} numbers (Unix seconds), {@code roles} a number and {@code catalog} a
     * string (the catalog's JSON text).
     */
    static JsonObject token(ApiRequest req, JsonObject token, TokenStore.IssuedToken issued) {
        if (mode(req) != HostileMode.WRONG_TYPES) {
            return token;
        }
        token.put("methods", String.join(",", issued.methods()))
                .put("expires_at", issued.expiresAt().getEpochSecond())
                .put("issued_at", issued.issuedAt().getEpochSecond());
        if (token.getValue("roles") instanceof JsonArray roles) {
            token.put("roles", roles.size());
        }
        if (token.getValue("catalog") instanceof JsonArray catalog) {
            token.put("catalog", catalog.encode());
        }
        return token;
    }

    /** The answer of {@code GET /v3/auth/catalog}; under {@code wrong-types} every endpoint's {@code url} is an object. */
    static JsonArray catalog(ApiRequest req, JsonArray catalog) {
        if (mode(req) != HostileMode.WRONG_TYPES) {
            return catalog;
        }
        for (Object entry : catalog) {
            for (Object endpoint : ((JsonObject) entry).getJsonArray("endpoints")) {
                JsonObject e = (JsonObject) endpoint;
                e.put("url", new JsonObject().put("href", e.getString("url")));
            }
        }
        return catalog;
    }
}

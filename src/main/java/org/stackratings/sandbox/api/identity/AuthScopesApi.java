package org.stackratings.sandbox.api.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;

/**
 * What the token may be scoped to and what it reaches: {@code /v3/auth/catalog} (project-scoped tokens only),
 * {@code /v3/auth/projects} (the cloud's project), {@code /v3/auth/domains} (none: a member holds no domain role) and
 * {@code /v3/auth/system} (none).
 */
final class AuthScopesApi {

    void register(ServiceRoutes routes) {
        routes.get("/v3/auth/catalog", KeystoneRefusal.answering(this::catalog));
        routes.get("/v3/auth/projects", req -> req.ok(IdentityDocuments.collection(req, "projects",
                new JsonArray().add(IdentityDocuments.project(req)), "/auth/projects")));
        routes.get("/v3/auth/domains", req -> req.ok(IdentityDocuments.collection(req, "domains", new JsonArray(),
                "/auth/domains")));
        routes.get("/v3/auth/system", req -> req.ok(new JsonObject().put("system", new JsonArray())
                .put("links", IdentityDocuments.links(IdentityDocuments.v3(req) + "/auth/system"))));
    }

    private void catalog(ApiRequest req) {
        if (req.token().projectId() == null) {
            throw new KeystoneRefusal(403, "A project-scoped token is required to produce a service catalog.");
        }
        req.ok(new JsonObject()
                .put("catalog", HostileKeystone.catalog(req,
                        ServiceCatalog.of(req.cloud(), HostileKeystone.catalogBases(req))))
                .put("links", IdentityDocuments.links(IdentityDocuments.v3(req) + "/auth/catalog")
                        .putNull("previous").putNull("next")));
    }
}

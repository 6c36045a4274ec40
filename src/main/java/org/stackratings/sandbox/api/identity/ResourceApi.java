package org.stackratings.sandbox.api.identity;

import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;

/**
 * A member's reads of projects and domains: the project of its token and the domain that project is in; lists of
 * projects and domains, and other ones, are refused by Keystone's default policy (403).
 */
final class ResourceApi {

    void register(ServiceRoutes routes) {
        routes.get("/v3/projects", KeystoneRefusal.answering(req -> {
            throw KeystoneRefusal.forbidden("identity:list_projects");
        }));
        routes.get("/v3/projects/:project_id", KeystoneRefusal.answering(this::project));
        routes.get("/v3/domains", KeystoneRefusal.answering(req -> {
            throw KeystoneRefusal.forbidden("identity:list_domains");
        }));
        routes.get("/v3/domains/:domain_id", KeystoneRefusal.answering(this::domain));
    }

    private void project(ApiRequest req) {
        if (!req.param("project_id").equals(req.token().projectId())) {
            throw KeystoneRefusal.forbidden("identity:get_project");
        }
        req.ok(new JsonObject().put("project", IdentityDocuments.project(req)));
    }

    private void domain(ApiRequest req) {
        if (req.token().projectId() == null || !req.param("domain_id").equals(req.cloud().domainId())) {
            throw KeystoneRefusal.forbidden("identity:get_domain");
        }
        req.ok(new JsonObject().put("domain", IdentityDocuments.domain(req)));
    }
}

package org.stackratings.sandbox.api.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;

/**
 * A member's reads of users: its own user ({@code GET /v3/users/{id}}), its projects and groups; listing users and
 * reading another user are refused by Keystone's default policy (403).
 */
final class UserApi {

    void register(ServiceRoutes routes) {
        routes.get("/v3/users", KeystoneRefusal.answering(req -> {
            throw KeystoneRefusal.forbidden("identity:list_users");
        }));
        routes.get("/v3/users/:user_id", KeystoneRefusal.answering(this::user));
        routes.get("/v3/users/:user_id/projects", KeystoneRefusal.answering(this::projects));
        routes.get("/v3/users/:user_id/groups", KeystoneRefusal.answering(this::groups));
    }

    private void user(ApiRequest req) {
        KeystoneRefusal.requireOwnUser(req, "identity:get_user");
        req.ok(new JsonObject().put("user", IdentityDocuments.user(req, req.token().user())));
    }

    private void projects(ApiRequest req) {
        KeystoneRefusal.requireOwnUser(req, "identity:list_user_projects");
        req.ok(IdentityDocuments.collection(req, "projects", new JsonArray().add(IdentityDocuments.project(req)),
                "/users/" + req.param("user_id") + "/projects"));
    }

    private void groups(ApiRequest req) {
        KeystoneRefusal.requireOwnUser(req, "identity:list_groups_for_user");
        req.ok(IdentityDocuments.collection(req, "groups", new JsonArray(),
                "/users/" + req.param("user_id") + "/groups"));
    }
}

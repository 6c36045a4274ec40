package org.stackratings.sandbox.api.identity.credential;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.api.identity.IdentityDocuments;
import org.stackratings.sandbox.api.identity.KeystoneRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.identity.AccessRule;

/**
 * {@code /v3/users/{user_id}/access_rules} of the token's own user: list (filters {@code service}, {@code path},
 * {@code method}), show, and delete, refused (403) while an application credential holds the rule.
 */
public final class AccessRuleApi {

    private static final String PATH = "/v3/users/:user_id/access_rules";

    public void register(ServiceRoutes routes) {
        routes.get(PATH, KeystoneRefusal.answering(this::list));
        routes.get(PATH + "/:rule_id", KeystoneRefusal.answering(this::show));
        routes.route(HttpMethod.DELETE, PATH + "/:rule_id", true, KeystoneRefusal.answering(this::delete));
    }

    private static JsonObject json(ApiRequest req, AccessRule rule) {
        return ApplicationCredentialDocuments.rule(rule)
                .put("links", IdentityDocuments.links(IdentityDocuments.v3(req) + "/access_rules/" + rule.id()));
    }

    private void list(ApiRequest req) {
        KeystoneRefusal.requireOwnUser(req, "identity:list_access_rules");
        JsonArray items = new JsonArray();
        req.cloud().identity().applicationCredentials().accessRules(req.param("user_id")).stream()
                .filter(r -> matches(req.query("service"), r.service()) && matches(req.query("path"), r.path())
                        && matches(req.query("method"), r.method()))
                .forEach(r -> items.add(json(req, r)));
        req.ok(IdentityDocuments.collection(req, "access_rules", items,
                "/users/" + req.param("user_id") + "/access_rules"));
    }

    private static boolean matches(String filter, String value) {
        return filter == null || filter.equals(value);
    }

    private void show(ApiRequest req) {
        KeystoneRefusal.requireOwnUser(req, "identity:get_access_rule");
        String id = req.param("rule_id");
        AccessRule rule = req.cloud().identity().applicationCredentials().accessRule(req.param("user_id"), id)
                .orElseThrow(() -> KeystoneRefusal.notFound("access rule", id));
        req.ok(new JsonObject().put("access_rule", json(req, rule)));
    }

    private void delete(ApiRequest req) {
        KeystoneRefusal.requireOwnUser(req, "identity:delete_access_rule");
        String id = req.param("rule_id");
        switch (req.cloud().identity().applicationCredentials().deleteAccessRule(req.param("user_id"), id)) {
            case NOT_FOUND -> throw KeystoneRefusal.notFound("access rule", id);
            case IN_USE -> throw new KeystoneRefusal(403, "May not delete access rule in use");
            case DELETED -> req.reply(204, null);
        }
    }
}

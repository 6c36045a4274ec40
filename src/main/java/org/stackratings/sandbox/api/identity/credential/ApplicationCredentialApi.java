package org.stackratings.sandbox.api.identity.credential;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.api.identity.IdentityDocuments;
import org.stackratings.sandbox.api.identity.KeystoneRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.identity.ApplicationCredential;
import org.stackratings.sandbox.state.identity.ApplicationCredentialStore;

/**
 * {@code /v3/users/{user_id}/application_credentials} of the token's own user: create (201; the secret in this answer
 * only, a hash kept; 409 for a name the user already has), list ({@code ?name=}), show and delete (which revokes the
 * tokens issued for it). A token of a restricted application credential may not create or delete any (403).
 */
public final class ApplicationCredentialApi {

    private static final String PATH = "/v3/users/:user_id/application_credentials";

    public void register(ServiceRoutes routes) {
        routes.route(HttpMethod.POST, PATH, true, KeystoneRefusal.answering(this::create));
        routes.get(PATH, KeystoneRefusal.answering(this::list));
        routes.get(PATH + "/:credential_id", KeystoneRefusal.answering(this::show));
        routes.route(HttpMethod.DELETE, PATH + "/:credential_id", true, KeystoneRefusal.answering(this::delete));
    }

    private static ApplicationCredentialStore store(ApiRequest req) {
        return req.cloud().identity().applicationCredentials();
    }

    private static void requireUnrestricted(ApiRequest req) {
        ApplicationCredential used = req.token().appCredential();
        if (used != null && !used.unrestricted()) {
            throw KeystoneRefusal.forbidden("Using method 'application_credential' is not allowed for managing "
                    + "additional application credentials");
        }
    }

    private void create(ApiRequest req) {
        KeystoneRefusal.requireOwnUser(req, "identity:create_application_credential");
        requireUnrestricted(req);
        if (req.token().projectId() == null) {
            throw new KeystoneRefusal(400, "Invalid application credential: a project-scoped token is required");
        }
        ApplicationCredentialStore.Draft draft = ApplicationCredentialRequest.read(req);
        ApplicationCredential created = store(req).create(draft).orElseThrow(() -> new KeystoneRefusal(409,
                "Conflict occurred attempting to store application_credential - Duplicate entry found with name "
                        + draft.name() + "."));
        req.reply(201, new JsonObject().put("application_credential",
                ApplicationCredentialDocuments.credential(req, created).put("secret", draft.secret())));
    }

    private void list(ApiRequest req) {
        KeystoneRefusal.requireOwnUser(req, "identity:list_application_credentials");
        JsonArray items = new JsonArray();
        store(req).list(req.param("user_id"), req.query("name"))
                .forEach(c -> items.add(ApplicationCredentialDocuments.credential(req, c)));
        req.ok(IdentityDocuments.collection(req, "application_credentials", items,
                "/users/" + req.param("user_id") + "/application_credentials"));
    }

    /** The credential of the path, whose owner (not the path's user) must be the token's user. */
    private static ApplicationCredential owned(ApiRequest req, String action) {
        String id = req.param("credential_id");
        ApplicationCredential found = store(req).find(id).orElse(null);
        String owner = found == null ? req.param("user_id") : found.userId();
        if (!owner.equals(req.token().user().id())) {
            throw KeystoneRefusal.forbidden(action);
        }
        if (found == null) {
            throw KeystoneRefusal.notFound("application credential", id);
        }
        return found;
    }

    private void show(ApiRequest req) {
        ApplicationCredential found = owned(req, "identity:get_application_credential");
        req.ok(new JsonObject().put("application_credential", ApplicationCredentialDocuments.credential(req, found)));
    }

    private void delete(ApiRequest req) {
        ApplicationCredential found = owned(req, "identity:delete_application_credential");
        requireUnrestricted(req);
        store(req).delete(found.id());
        req.cloud().tokens().revokeIf(t -> t.appCredential() != null && t.appCredential().id().equals(found.id()));
        req.reply(204, null);
    }
}

package org.stackratings.sandbox.api.identity.credential;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.stackratings.sandbox.api.identity.IdentityDocuments;
import org.stackratings.sandbox.api.identity.KeystoneRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.identity.Ec2Credential;

/**
 * {@code /v3/users/{user_id}/credentials/OS-EC2} of the token's own user: create for a project ({@code tenant_id},
 * 404 when there is no such project), list, show and delete by access key. Keystone stores them under the SHA-256 of
 * the access key, which its 404 names.
 */
public final class Ec2CredentialApi {

    private static final String PATH = "/v3/users/:user_id/credentials/OS-EC2";

    public void register(ServiceRoutes routes) {
        routes.route(HttpMethod.POST, PATH, true, KeystoneRefusal.answering(this::create));
        routes.get(PATH, KeystoneRefusal.answering(this::list));
        routes.get(PATH + "/:access", KeystoneRefusal.answering(this::show));
        routes.route(HttpMethod.DELETE, PATH + "/:access", true, KeystoneRefusal.answering(this::delete));
    }

    private static JsonObject json(ApiRequest req, Ec2Credential c) {
        return new JsonObject().put("user_id", c.userId()).put("tenant_id", c.projectId()).put("access", c.access())
                .put("secret", c.secret()).putNull("trust_id")
                .put("links", IdentityDocuments.links(IdentityDocuments.v3(req) + "/users/" + c.userId()
                        + "/credentials/OS-EC2/" + c.access()));
    }

    private void create(ApiRequest req) {
        KeystoneRefusal.requireOwnUser(req, "identity:ec2_create_credential");
        JsonObject body = req.jsonBody();
        Object project = body == null ? null : body.getValue("tenant_id");
        if (!req.profile().project().id().equals(project)) {
            throw KeystoneRefusal.notFound("project", String.valueOf(project));
        }
        Ec2Credential created = req.cloud().identity().ec2Credentials().create(req.token().user().id(),
                (String) project);
        req.reply(201, new JsonObject().put("credential", json(req, created)));
    }

    private void list(ApiRequest req) {
        KeystoneRefusal.requireOwnUser(req, "identity:ec2_list_credentials");
        JsonArray items = new JsonArray();
        req.cloud().identity().ec2Credentials().list(req.param("user_id")).forEach(c -> items.add(json(req, c)));
        req.ok(IdentityDocuments.collection(req, "credentials", items,
                "/users/" + req.param("user_id") + "/credentials/OS-EC2"));
    }

    private static Ec2Credential owned(ApiRequest req, String action) {
        String access = req.param("access");
        Ec2Credential found = req.cloud().identity().ec2Credentials().find(access)
                .orElseThrow(() -> KeystoneRefusal.notFound("credential", sha256(access)));
        if (!found.userId().equals(req.token().user().id()) || !found.userId().equals(req.param("user_id"))) {
            throw KeystoneRefusal.forbidden(action);
        }
        return found;
    }

    private void show(ApiRequest req) {
        req.ok(new JsonObject().put("credential", json(req, owned(req, "identity:ec2_get_credential"))));
    }

    private void delete(ApiRequest req) {
        req.cloud().identity().ec2Credentials().delete(owned(req, "identity:ec2_delete_credential").access());
        req.reply(204, null);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

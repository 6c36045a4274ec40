package org.stackratings.sandbox.api.identity;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.TokenStore;

/**
 * {@code /v3/auth/tokens}: issue (POST), validate (GET; HEAD checks) and revoke (DELETE) the token in
 * {@code X-Subject-Token}. As Keystone's default policy says, a member may validate and revoke only tokens of its own
 * user; {@code ?allow_expired=true} also finds tokens expired less than 48 hours ago; {@code ?nocatalog} leaves the
 * catalog out. A revoked token is not found (404), and neither are the tokens rescoped from it.
 */
final class TokenApi {

    private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");

    void register(ServiceRoutes routes) {
        routes.route(HttpMethod.POST, "/v3/auth/tokens", false, KeystoneRefusal.answering(this::issue));
        routes.get("/v3/auth/tokens", KeystoneRefusal.answering(this::validate));
        routes.route(HttpMethod.DELETE, "/v3/auth/tokens", true, KeystoneRefusal.answering(this::revoke));
    }

    private void issue(ApiRequest req) {
        Authentication auth = Authentication.of(req);
        TokenStore.IssuedToken token = req.cloud().tokens().issue(auth.grant(), req.now(), auth.expiresAt(),
                auth.parentAuditId());
        req.putHeader("X-Subject-Token", token.id());
        req.reply(201, new JsonObject().put("token", TokenDocuments.token(req, token, req.query("nocatalog") == null)));
    }

    private TokenStore.IssuedToken subject(ApiRequest req, String action, Duration window) {
        String id = req.header("X-Subject-Token");
        if (id == null) {
            throw new KeystoneRefusal(404, "No token in the request");
        }
        TokenStore.IssuedToken subject = req.cloud().tokens().find(id, req.now(), window)
                .orElseThrow(() -> KeystoneRefusal.notFound("token", id));
        if (!subject.user().id().equals(req.token().user().id())) {
            throw KeystoneRefusal.forbidden(action);
        }
        return subject;
    }

    private void validate(ApiRequest req) {
        String allowExpired = req.query("allow_expired");
        boolean expiredToo = allowExpired != null && TRUE.contains(allowExpired.toLowerCase(Locale.ROOT));
        String action = req.context().request().method() == HttpMethod.HEAD ? "identity:check_token"
                : "identity:validate_token";
        TokenStore.IssuedToken subject = subject(req, action,
                expiredToo ? TokenStore.ALLOW_EXPIRED_WINDOW : Duration.ZERO);
        req.putHeader("X-Subject-Token", subject.id());
        req.ok(new JsonObject().put("token", TokenDocuments.token(req, subject, req.query("nocatalog") == null)));
    }

    private void revoke(ApiRequest req) {
        TokenStore.IssuedToken subject = subject(req, "identity:revoke_token", Duration.ZERO);
        req.cloud().tokens().revoke(subject.id());
        req.reply(204, null);
    }
}

package org.stackratings.sandbox.api.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.stackratings.sandbox.profile.ProjectSpec;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.SimulatedCloud;
import org.stackratings.sandbox.state.TokenStore;
import org.stackratings.sandbox.state.identity.ApplicationCredential;
import org.stackratings.sandbox.state.identity.Role;

/** The {@code token} object of Keystone's token answers (issue and validate), as a hostile cloud may change it. */
final class TokenDocuments {

    /** Keystone writes timestamps with microseconds. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private TokenDocuments() {
    }

    private static JsonObject domain(SimulatedCloud cloud) {
        return new JsonObject().put("id", cloud.domainId()).put("name", cloud.profile().domain());
    }

    static JsonObject token(ApiRequest req, TokenStore.IssuedToken token, boolean withCatalog) {
        SimulatedCloud cloud = req.cloud();
        JsonObject body = new JsonObject()
                .put("methods", new JsonArray(token.methods()))
                .put("user", new JsonObject()
                        .put("domain", domain(cloud))
                        .put("id", token.user().id())
                        .put("name", token.user().name())
                        .putNull("password_expires_at"))
                .put("audit_ids", new JsonArray(token.auditIds()))
                .put("expires_at", TIMESTAMP.format(token.expiresAt()))
                .put("issued_at", TIMESTAMP.format(token.issuedAt()));
        if (token.projectId() != null) {
            ProjectSpec project = cloud.profile().project();
            JsonArray roles = new JsonArray();
            for (Role role : token.roles()) {
                roles.add(new JsonObject().put("id", role.id()).put("name", role.name()));
            }
            body.put("project", new JsonObject().put("domain", domain(cloud)).put("id", project.id())
                    .put("name", project.name()))
                    .put("is_domain", false)
                    .put("roles", roles);
            if (withCatalog) {
                body.put("catalog", ServiceCatalog.of(cloud, HostileKeystone.catalogBases(req)));
            }
        }
        ApplicationCredential credential = token.appCredential();
        if (credential != null) {
            JsonObject json = new JsonObject().put("id", credential.id()).put("name", credential.name())
                    .put("restricted", !credential.unrestricted());
            if (!credential.accessRules().isEmpty()) {
                JsonArray rules = new JsonArray();
                credential.accessRules().forEach(r -> rules.add(new JsonObject().put("id", r.id())
                        .put("service", r.service()).put("path", r.path()).put("method", r.method())));
                json.put("access_rules", rules);
            }
            body.put("application_credential", json);
        }
        return HostileKeystone.token(req, body, token);
    }
}

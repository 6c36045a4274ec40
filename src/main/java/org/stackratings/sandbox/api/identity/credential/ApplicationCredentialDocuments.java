package org.stackratings.sandbox.api.identity.credential;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.stackratings.sandbox.api.identity.IdentityDocuments;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.identity.AccessRule;
import org.stackratings.sandbox.state.identity.ApplicationCredential;

/**
 * The JSON of application credentials and access rules. {@code expires_at} is written as Keystone writes it (Python's
 * {@code isoformat()} of a UTC time without zone: microseconds only when there are some); the secret never, except
 * in the answer that creates the credential.
 */
final class ApplicationCredentialDocuments {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private ApplicationCredentialDocuments() {
    }

    static JsonObject credential(ApiRequest req, ApplicationCredential c) {
        JsonArray roles = new JsonArray();
        c.roles().forEach(r -> roles.add(new JsonObject().put("id", r.id()).put("name", r.name())
                .putNull("domain_id")));
        JsonObject json = new JsonObject()
                .put("id", c.id())
                .put("name", c.name())
                .put("description", c.description())
                .put("project_id", c.projectId())
                .put("expires_at", c.expiresAt() == null ? null : isoformat(c.expiresAt()))
                .put("unrestricted", c.unrestricted())
                .put("roles", roles)
                .put("links", IdentityDocuments.links(IdentityDocuments.v3(req) + "/users/" + c.userId()
                        + "/application_credentials/" + c.id()));
        if (!c.accessRules().isEmpty()) {
            JsonArray rules = new JsonArray();
            c.accessRules().forEach(r -> rules.add(rule(r)));
            json.put("access_rules", rules);
        }
        return json;
    }

    static JsonObject rule(AccessRule r) {
        return new JsonObject().put("id", r.id()).put("service", r.service()).put("path", r.path())
                .put("method", r.method());
    }

    static String isoformat(Instant at) {
        LocalDateTime time = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        int micros = time.getNano() / 1000;
        return SECONDS.format(time) + (micros == 0 ? "" : String.format(".%06d", micros));
    }
}

package org.stackratings.sandbox.api.identity.credential;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.stackratings.sandbox.api.identity.KeystoneRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.identity.AccessRule;
import org.stackratings.sandbox.state.identity.ApplicationCredentialStore.Draft;
import org.stackratings.sandbox.state.identity.Role;

/**
 * The body of {@code POST /v3/users/{id}/application_credentials} checked as Keystone's schema and rules check it:
 * {@code name} (1..255 characters) required; {@code description}, {@code secret} (generated when absent: 64 random
 * bytes, URL-safe base64), {@code expires_at} (ISO 8601, not in the past), {@code roles} (by id or name, among the
 * token's), {@code unrestricted} and {@code access_rules} (service, method, path; or the id of one the user has)
 * optional; nothing else.
 */
final class ApplicationCredentialRequest {

    private static final Set<String> FIELDS = Set.of("name", "description", "secret", "expires_at", "roles",
            "unrestricted", "access_rules");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApplicationCredentialRequest() {
    }

    static Draft read(ApiRequest req) {
        JsonObject body = req.jsonBody();
        if (body == null || !(body.getValue("application_credential") instanceof JsonObject json)) {
            throw KeystoneRefusal.invalid("application_credential", "'application_credential' is a required property");
        }
        for (String field : json.fieldNames()) {
            if (!FIELDS.contains(field)) {
                throw new KeystoneRefusal(400, "Additional properties are not allowed ('" + field
                        + "' was unexpected)");
            }
        }
        if (!(json.getValue("name") instanceof String name) || name.isEmpty() || name.length() > 255) {
            throw KeystoneRefusal.invalid("name", json.containsKey("name")
                    ? json.getValue("name") + " is not valid under any of the given schemas"
                    : "'name' is a required property");
        }
        String description = optionalText(json, "description");
        String secret = optionalText(json, "secret");
        Object unrestricted = json.getValue("unrestricted");
        if (unrestricted != null && !(unrestricted instanceof Boolean)) {
            throw KeystoneRefusal.invalid("unrestricted", unrestricted + " is not of type 'boolean', 'null'");
        }
        String user = req.token().user().id();
        return new Draft(null, name, description, user, req.token().projectId(),
                secret == null || secret.isEmpty() ? generatedSecret() : secret, expiresAt(json, req.now()),
                Boolean.TRUE.equals(unrestricted), roles(req, json.getValue("roles")),
                accessRules(req, json.getValue("access_rules")));
    }

    private static String optionalText(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw KeystoneRefusal.invalid(field, value + " is not of type 'string', 'null'");
        }
        return (String) value;
    }

    private static String generatedSecret() {
        byte[] bytes = new byte[64];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Instant expiresAt(JsonObject json, Instant now) {
        String text = optionalText(json, "expires_at");
        if (text == null) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                at = LocalDateTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new KeystoneRefusal(400, "Invalid time format for 'expires_at': " + text + ".");
            }
        }
        if (at.isBefore(now)) {
            throw new KeystoneRefusal(400, "The 'expires_at' must not be before now.");
        }
        return at;
    }

    /** The roles asked for, each one of the token's; none asked: all the token's. */
    private static List<Role> roles(ApiRequest req, Object value) {
        List<Role> held = req.token().roles();
        if (value == null || value instanceof JsonArray a && a.isEmpty()) {
            return held;
        }
        if (!(value instanceof JsonArray asked)) {
            throw KeystoneRefusal.invalid("roles", value + " is not of type 'array'");
        }
        List<Role> roles = new ArrayList<>();
        for (Object item : asked) {
            if (!(item instanceof JsonObject role) || !(role.getValue("id") instanceof String
                    || role.getValue("name") instanceof String)) {
                throw KeystoneRefusal.invalid("roles", item + " is not valid under any of the given schemas");
            }
            Role found = Role.OF_A_MEMBER.stream().filter(r -> role.getValue("id") != null
                    ? r.id().equals(role.getValue("id")) : r.name().equals(role.getValue("name"))).findFirst()
                    .orElseThrow(() -> role.getValue("id") != null
                            ? new KeystoneRefusal(400, "Invalid application credential: Cannot create an "
                                    + "application credential with unassigned role")
                            : KeystoneRefusal.notFound("role", String.valueOf(role.getValue("name"))));
            if (!held.contains(found)) {
                throw new KeystoneRefusal(400, "Invalid application credential: Cannot create an application "
                        + "credential with unassigned role");
            }
            if (!roles.contains(found)) {
                roles.add(found);
            }
        }
        return roles;
    }

    private static List<AccessRule> accessRules(ApiRequest req, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray asked)) {
            throw KeystoneRefusal.invalid("access_rules", value + " is not of type 'array'");
        }
        String user = req.token().user().id();
        List<AccessRule> rules = new ArrayList<>();
        for (Object item : asked) {
            if (!(item instanceof JsonObject rule)) {
                throw KeystoneRefusal.invalid("access_rules", item + " is not of type 'object'");
            }
            if (rule.size() == 1 && rule.getValue("id") instanceof String id) {
                rules.add(req.cloud().identity().applicationCredentials().accessRule(user, id)
                        .orElseThrow(() -> KeystoneRefusal.notFound("access rule", id)));
                continue;
            }
            Object service = rule.getValue("service");
            Object path = rule.getValue("path");
            Object method = rule.getValue("method");
            if (!(service instanceof String s) || s.isEmpty() || !(path instanceof String p) || !p.startsWith("/")
                    || !(method instanceof String m) || !METHODS.contains(m)) {
                throw KeystoneRefusal.invalid("access_rules", item + " is not valid under any of the given schemas");
            }
            rules.add(new AccessRule(rule.getValue("id") instanceof String id ? id : null, user, s, m, p));
        }
        return rules;
    }
}

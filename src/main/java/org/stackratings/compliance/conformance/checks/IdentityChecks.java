package org.stackratings.compliance.conformance.checks;

import static org.stackratings.openstack.CloudService.IDENTITY;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.IssuedToken;

/** Keystone v3: API discovery, the catalog, the user's projects, and tokens created, validated and revoked. */
@ApplicationScoped
class IdentityChecks implements CheckGroup {

    private static final List<String> VERSION_STATUSES = List.of("current", "stable", "experimental", "supported",
            "deprecated");

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.of(
                "identity-v3-api-discovery", IdentityChecks::apiDiscovery,
                "identity-v3-catalog", IdentityChecks::catalog,
                "identity-v3-list-projects", IdentityChecks::listProjects,
                "identity-v3-tokens-create", IdentityChecks::createToken,
                "identity-v3-tokens-validate", IdentityChecks::validateToken,
                "identity-v3-tokens-delete", IdentityChecks::deleteToken);
    }

    private static void apiDiscovery(CheckContext context) {
        JsonNode version = context.expectJson(ApiCall.get(IDENTITY, ""), "the v3 version document", 200).path("version");
        context.require(version.path("id").asText("").startsWith("v3"), "version.id is not v3.x");
        context.require(VERSION_STATUSES.contains(version.path("status").asText("").toLowerCase(Locale.ROOT)),
                "version.status is not a documented status");
        context.require(version.path("media-types").isArray() && !version.path("media-types").isEmpty(),
                "the version document lists no media-types");
    }

    private static void catalog(CheckContext context) {
        JsonNode catalog = context.expectJson(ApiCall.get(IDENTITY, "/auth/catalog"), "the token's catalog", 200)
                .path("catalog");
        context.require(catalog.isArray(), "the answer has no 'catalog' list");
        List<String> types = new ArrayList<>();
        catalog.forEach(service -> types.add(service.path("type").asText()));
        List<String> missing = List.of("identity", "compute", "image").stream().filter(t -> !types.contains(t)).toList();
        context.require(missing.isEmpty(), "the catalog lacks the standard service types " + missing);
    }

    private static void listProjects(CheckContext context) {
        String project = context.session().projectId();
        JsonNode projects = context.expectJson(ApiCall.get(IDENTITY, "/users/" + context.session().userId()
                + "/projects"), "the user's projects", 200).path("projects");
        context.require(projects.isArray(), "the answer has no 'projects' list");
        boolean listed = false;
        for (JsonNode p : projects) {
            listed |= project.equals(p.path("id").asText());
        }
        context.require(listed, "the user's projects do not include the project its token is scoped to");
        JsonNode scopes = context.expectJson(ApiCall.get(IDENTITY, "/auth/projects"),
                "the projects the token may be scoped to", 200).path("projects");
        context.require(scopes.isArray() && !scopes.isEmpty(), "the answer has no 'projects' list");
    }

    private static void createToken(CheckContext context) {
        IssuedToken token = context.session().issueToken();
        context.recordAnswer("POST identity /auth/tokens", token.answer(), "a new token (HTTP 201)", 201);
        context.require(token.expiresAt() != null, "the token's answer has no token.expires_at");
        revoke(context, token);
    }

    private static void validateToken(CheckContext context) {
        JsonNode token = context.expectJson(new ApiCall(IDENTITY, "GET", "/auth/tokens", null, false, true),
                "the session's own token is valid", 200).path("token");
        context.require(token.isObject(), "the answer has no 'token' object");
        context.require(token.path("expires_at").isTextual(), "the token has no expires_at");
    }

    private static void deleteToken(CheckContext context) {
        IssuedToken token = context.session().issueToken();
        context.recordAnswer("POST identity /auth/tokens", token.answer(), "a second token (HTTP 201)", 201);
        context.expect(ApiCall.of(IDENTITY, "HEAD", "/auth/tokens", null).about(token), "the new token is valid", 200);
        context.expect(ApiCall.of(IDENTITY, "DELETE", "/auth/tokens", null).about(token), "the token is revoked", 204);
        context.expect(ApiCall.of(IDENTITY, "HEAD", "/auth/tokens", null).about(token),
                "a revoked token is no longer valid", 404);
    }

    private static void revoke(CheckContext context, IssuedToken token) {
        context.expect(ApiCall.of(IDENTITY, "DELETE", "/auth/tokens", null).about(token), "the token is revoked", 204);
    }
}

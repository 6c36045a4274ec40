package org.stackratings.sandbox.api.identity;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.stackratings.sandbox.profile.AppCredentialSpec;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.ProjectSpec;
import org.stackratings.sandbox.profile.UserSpec;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.OpenStackService;
import org.stackratings.sandbox.routing.ServiceApi;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.SimulatedCloud;
import org.stackratings.sandbox.state.TokenStore;

/**
 * Keystone v3 under {@code /{cloud}/identity}: version discovery, password and application-credential
 * authentication with project scope, token validation and revocation, catalog and projects of the token. A hostile
 * cloud's token modes change the token answers and the catalog ({@link HostileKeystone}).
 */
public final class KeystoneApi implements ServiceApi {

    private static final String UNAUTHORIZED = "The request you have made requires authentication.";
    /** Keystone writes timestamps with microseconds. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public OpenStackService service() {
        return OpenStackService.IDENTITY;
    }

    @Override
    public void register(ServiceRoutes routes) {
        routes.getOpen("", this::versions);
        routes.getOpen("/", this::versions);
        routes.getOpen("/v3", this::version);
        routes.getOpen("/v3/", this::version);
        routes.route(HttpMethod.POST, "/v3/auth/tokens", false, this::issue);
        routes.get("/v3/auth/tokens", this::validate);
        routes.route(HttpMethod.DELETE, "/v3/auth/tokens", true, this::revoke);
        routes.get("/v3/auth/catalog", this::catalog);
        routes.get("/v3/auth/projects", this::projects);
    }

    private static JsonObject versionDoc(ApiRequest req) {
        return new JsonObject()
                .put("id", "v3.14")
                .put("status", "stable")
                .put("updated", "2020-04-07T00:00:00Z")
                .put("links", new JsonArray().add(new JsonObject().put("rel", "self")
                        .put("href", req.serviceBase() + "/v3/")))
                .put("media-types", new JsonArray().add(new JsonObject().put("base", "application/json")
                        .put("type", "application/vnd.openstack.identity-v3+json")));
    }

    private void versions(ApiRequest req) {
        req.reply(300, new JsonObject().put("versions",
                new JsonObject().put("values", new JsonArray().add(versionDoc(req)))));
    }

    private void version(ApiRequest req) {
        req.ok(new JsonObject().put("version", versionDoc(req)));
    }

    private void issue(ApiRequest req) {
        JsonObject body = req.jsonBody();
        JsonObject auth = body == null ? null : body.getValue("auth") instanceof JsonObject a ? a : null;
        JsonObject identity = auth == null ? null : auth.getValue("identity") instanceof JsonObject i ? i : null;
        JsonArray methods = identity == null ? null
                : identity.getValue("methods") instanceof JsonArray m ? m : null;
        if (methods == null || methods.isEmpty()) {
            req.fail(400, "Expecting to find identity in auth. The server could not comply with the request since "
                    + "it is either malformed or otherwise incorrect. The client is assumed to be in error.");
            return;
        }
        SimulatedCloud cloud = req.cloud();
        CloudProfile profile = cloud.profile();
        Object scope = auth.getValue("scope");
        Instant now = req.now();
        Instant expires = now.plus(profile.tokenTtl());
        TokenStore.IssuedToken token;
        if (methods.contains("application_credential")) {
            Optional<AppCredentialSpec> cred = findAppCredential(cloud,
                    identity.getValue("application_credential") instanceof JsonObject o ? o : new JsonObject());
            Optional<UserSpec> owner = cred.flatMap(c -> profile.users().stream()
                    .filter(u -> u.name().equals(c.user())).findFirst());
            if (owner.isEmpty() || (scope != null && !matchesProject(cloud, scope))) {
                req.fail(401, UNAUTHORIZED);
                return;
            }
            token = cloud.tokens().issue(owner.get(), profile.project().id(), List.of("application_credential"),
                    now, expires, cred.get());
        } else if (methods.contains("password")) {
            JsonObject password = identity.getValue("password") instanceof JsonObject o ? o : new JsonObject();
            JsonObject userJson = password.getValue("user") instanceof JsonObject o ? o : new JsonObject();
            Optional<UserSpec> user = findUser(cloud, userJson)
                    .filter(u -> u.password().equals(userJson.getValue("password")));
            if (user.isEmpty() || (scope != null && !matchesProject(cloud, scope))) {
                req.fail(401, UNAUTHORIZED);
                return;
            }
            token = cloud.tokens().issue(user.get(), scope == null ? null : profile.project().id(),
                    List.of("password"), now, expires, null);
        } else {
            req.fail(401, UNAUTHORIZED);
            return;
        }
        req.putHeader("X-Subject-Token", token.id());
        req.reply(201, new JsonObject().put("token", tokenBody(req, token, req.query("nocatalog") == null)));
    }

    private static Optional<UserSpec> findUser(SimulatedCloud cloud, JsonObject user) {
        if (user.getValue("id") instanceof String id) {
            return cloud.profile().users().stream().filter(u -> u.id().equals(id)).findFirst();
        }
        if (user.getValue("name") instanceof String name && matchesDomain(cloud, user.getValue("domain"))) {
            return cloud.profile().users().stream().filter(u -> u.name().equals(name)).findFirst();
        }
        return Optional.empty();
    }

    private static Optional<AppCredentialSpec> findAppCredential(SimulatedCloud cloud, JsonObject json) {
        Object secret = json.getValue("secret");
        List<AppCredentialSpec> creds = cloud.profile().applicationCredentials();
        if (json.getValue("id") instanceof String id) {
            return creds.stream().filter(c -> c.id().equals(id) && c.secret().equals(secret)).findFirst();
        }
        if (json.getValue("name") instanceof String name && json.getValue("user") instanceof JsonObject user) {
            Optional<UserSpec> owner = findUser(cloud, user);
            return owner.flatMap(o -> creds.stream()
                    .filter(c -> c.name().equals(name) && c.user().equals(o.name()) && c.secret().equals(secret))
                    .findFirst());
        }
        return Optional.empty();
    }

    private static boolean matchesDomain(SimulatedCloud cloud, Object domain) {
        if (!(domain instanceof JsonObject d)) {
            return false;
        }
        return cloud.domainId().equals(d.getValue("id")) || cloud.profile().domain().equals(d.getValue("name"));
    }

    private static boolean matchesProject(SimulatedCloud cloud, Object scope) {
        if (!(scope instanceof JsonObject s) || !(s.getValue("project") instanceof JsonObject project)) {
            return false;
        }
        ProjectSpec own = cloud.profile().project();
        if (project.getValue("id") != null) {
            return own.id().equals(project.getValue("id"));
        }
        return own.name().equals(project.getValue("name")) && matchesDomain(cloud, project.getValue("domain"));
    }

    private static JsonObject domain(SimulatedCloud cloud) {
        return new JsonObject().put("id", cloud.domainId()).put("name", cloud.profile().domain());
    }

    private static JsonObject tokenBody(ApiRequest req, TokenStore.IssuedToken token, boolean withCatalog) {
        SimulatedCloud cloud = req.cloud();
        JsonObject body = new JsonObject()
                .put("methods", new JsonArray(token.methods()))
                .put("user", new JsonObject()
                        .put("domain", domain(cloud))
                        .put("id", token.user().id())
                        .put("name", token.user().name())
                        .putNull("password_expires_at"))
                .put("audit_ids", new JsonArray().add(token.auditId()))
                .put("expires_at", TIMESTAMP.format(token.expiresAt()))
                .put("issued_at", TIMESTAMP.format(token.issuedAt()));
        if (token.projectId() != null) {
            ProjectSpec project = cloud.profile().project();
            body.put("project", new JsonObject().put("domain", domain(cloud)).put("id", project.id())
                    .put("name", project.name()))
                    .put("is_domain", false)
                    .put("roles", new JsonArray()
                            .add(new JsonObject().put("id", CloudProfile.derivedId("role:member")).put("name", "member"))
                            .add(new JsonObject().put("id", CloudProfile.derivedId("role:reader")).put("name", "reader")));
            if (withCatalog) {
                body.put("catalog", ServiceCatalog.of(cloud, HostileKeystone.catalogBases(req)));
            }
        }
        if (token.appCredential() != null) {
            body.put("application_credential", new JsonObject().put("id", token.appCredential().id())
                    .put("name", token.appCredential().name()).put("restricted", true));
        }
        return HostileKeystone.token(req, body, token);
    }

    private void validate(ApiRequest req) {
        Optional<TokenStore.IssuedToken> subject = req.cloud().tokens().find(req.header("X-Subject-Token"),
                req.now());
        if (subject.isEmpty()) {
            req.fail(404, "Could not find token: " + req.header("X-Subject-Token") + ".");
            return;
        }
        req.putHeader("X-Subject-Token", subject.get().id());
        req.ok(new JsonObject().put("token", tokenBody(req, subject.get(), req.query("nocatalog") == null)));
    }

    private void revoke(ApiRequest req) {
        if (!req.cloud().tokens().revoke(req.header("X-Subject-Token"))) {
            req.fail(404, "Could not find token: " + req.header("X-Subject-Token") + ".");
            return;
        }
        req.reply(204, null);
    }

    private void catalog(ApiRequest req) {
        if (req.token().projectId() == null) {
            req.fail(403, "A project-scoped token is required to produce a service catalog.");
            return;
        }
        req.ok(new JsonObject()
                .put("catalog", HostileKeystone.catalog(req,
                        ServiceCatalog.of(req.cloud(), HostileKeystone.catalogBases(req))))
                .put("links", new JsonObject().put("self", req.serviceBase() + "/v3/auth/catalog")
                        .putNull("previous").putNull("next")));
    }

    private void projects(ApiRequest req) {
        SimulatedCloud cloud = req.cloud();
        ProjectSpec project = cloud.profile().project();
        req.ok(new JsonObject()
                .put("projects", new JsonArray().add(new JsonObject()
                        .put("id", project.id())
                        .put("name", project.name())
                        .put("domain_id", cloud.domainId())
                        .put("description", "")
                        .put("enabled", true)
                        .put("is_domain", false)
                        .put("parent_id", cloud.domainId())
                        .put("tags", new JsonArray())
                        .put("links", new JsonObject().put("self",
                                req.serviceBase() + "/v3/projects/" + project.id()))))
                .put("links", new JsonObject().put("self", req.serviceBase() + "/v3/auth/projects")
                        .putNull("previous").putNull("next")));
    }
}

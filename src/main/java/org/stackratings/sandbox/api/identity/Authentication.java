package org.stackratings.sandbox.api.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stackratings.sandbox.profile.ProjectSpec;
import org.stackratings.sandbox.profile.UserSpec;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.SimulatedCloud;
import org.stackratings.sandbox.state.TokenStore;
import org.stackratings.sandbox.state.identity.ApplicationCredential;
import org.stackratings.sandbox.state.identity.Role;

/**
 * The body of {@code POST /v3/auth/tokens} judged: who authenticates (method {@code password},
 * {@code application_credential} or {@code token}), for which scope (the cloud's project, or none), until when.
 * Anything Keystone would refuse is thrown as a {@link KeystoneRefusal}: 400 for a malformed body, 401 otherwise.
 */
record Authentication(TokenStore.Grant grant, Instant expiresAt, String parentAuditId) {

    private static final String MALFORMED = "Expecting to find identity in auth. The server could not comply with "
            + "the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.";

    static Authentication of(ApiRequest req) {
        JsonObject body = req.jsonBody();
        JsonObject auth = object(body, "auth");
        JsonObject identity = object(auth, "identity");
        JsonArray methods = identity == null ? null
                : identity.getValue("methods") instanceof JsonArray m ? m : null;
        if (methods == null || methods.isEmpty()) {
            throw new KeystoneRefusal(400, MALFORMED);
        }
        Object scope = auth.getValue("scope");
        boolean scoped = scope != null && !"unscoped".equals(scope);
        if (scoped && !matchesProject(req.cloud(), scope)) {
            throw KeystoneRefusal.unauthorized();
        }
        Instant now = req.now();
        Instant expires = now.plus(req.profile().tokenTtl());
        String project = req.profile().project().id();
        if (methods.contains("application_credential")) {
            ApplicationCredential credential = appCredential(req, object(identity, "application_credential"));
            UserSpec owner = userById(req.cloud(), credential.userId()).orElseThrow(KeystoneRefusal::unauthorized);
            Instant until = credential.expiresAt() != null && credential.expiresAt().isBefore(expires)
                    ? credential.expiresAt() : expires;
            return new Authentication(new TokenStore.Grant(owner, credential.projectId(),
                    List.of("application_credential"), credential.roles(), credential), until, null);
        }
        if (methods.contains("password")) {
            JsonObject user = object(object(identity, "password"), "user");
            UserSpec found = findUser(req.cloud(), user).filter(u -> u.password().equals(user.getValue("password")))
                    .orElseThrow(KeystoneRefusal::unauthorized);
            return new Authentication(new TokenStore.Grant(found, scoped ? project : null, List.of("password"),
                    scoped ? Role.OF_A_MEMBER : List.of(), null), expires, null);
        }
        if (methods.contains("token")) {
            JsonObject token = object(identity, "token");
            TokenStore.IssuedToken parent = req.cloud().tokens()
                    .find(token == null ? null : token.getValue("id") instanceof String id ? id : null, now)
                    .orElseThrow(() -> new KeystoneRefusal(404, "Could not find token: "
                            + (token == null ? null : token.getValue("id")) + "."));
            if (parent.appCredential() != null) {
                throw KeystoneRefusal.forbidden("Using a token issued with an application credential to create "
                        + "another token");
            }
            List<String> inherited = new ArrayList<>(List.of("token"));
            parent.methods().stream().filter(m -> !inherited.contains(m)).forEach(inherited::add);
            String projectId = scoped ? project : parent.projectId();
            return new Authentication(new TokenStore.Grant(parent.user(), projectId, inherited,
                    projectId == null ? List.of() : Role.OF_A_MEMBER, null), parent.expiresAt(),
                    parent.auditIds().get(parent.auditIds().size() - 1));
        }
        throw KeystoneRefusal.unauthorized();
    }

    private static JsonObject object(JsonObject parent, String key) {
        return parent != null && parent.getValue(key) instanceof JsonObject o ? o : null;
    }

    private static ApplicationCredential appCredential(ApiRequest req, JsonObject json) {
        if (json == null) {
            throw KeystoneRefusal.unauthorized();
        }
        var store = req.cloud().identity().applicationCredentials();
        Object secret = json.getValue("secret");
        Optional<String> id = Optional.empty();
        if (json.getValue("id") instanceof String given) {
            id = Optional.of(given);
        } else if (json.getValue("name") instanceof String name) {
            id = findUser(req.cloud(), object(json, "user"))
                    .flatMap(owner -> store.byName(owner.id(), name)).map(ApplicationCredential::id);
        }
        return id.flatMap(i -> store.authenticate(i, secret, req.now())).orElseThrow(KeystoneRefusal::unauthorized);
    }

    private static Optional<UserSpec> userById(SimulatedCloud cloud, String id) {
        return cloud.profile().users().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    private static Optional<UserSpec> findUser(SimulatedCloud cloud, JsonObject user) {
        if (user == null) {
            return Optional.empty();
        }
        if (user.getValue("id") instanceof String id) {
            return userById(cloud, id);
        }
        if (user.getValue("name") instanceof String name && matchesDomain(cloud, user.getValue("domain"))) {
            return cloud.profile().users().stream().filter(u -> u.name().equals(name)).findFirst();
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
}

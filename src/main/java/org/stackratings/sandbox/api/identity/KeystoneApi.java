package org.stackratings.sandbox.api.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.api.identity.credential.AccessRuleApi;
import org.stackratings.sandbox.api.identity.credential.ApplicationCredentialApi;
import org.stackratings.sandbox.api.identity.credential.Ec2CredentialApi;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.OpenStackService;
import org.stackratings.sandbox.routing.ServiceApi;
import org.stackratings.sandbox.routing.ServiceRoutes;

/**
 * Keystone v3 under {@code /{cloud}/identity}, for what a member of the cloud's project may do: version discovery,
 * tokens ({@link TokenApi}), the scopes and catalog of a token ({@link AuthScopesApi}), its own user, project and
 * domain ({@link UserApi}, {@link ResourceApi}), its application credentials with their access rules and its EC2
 * credentials (package {@code credential}). A hostile cloud's token modes change the token answers and the catalog
 * ({@link HostileKeystone}).
 */
public final class KeystoneApi implements ServiceApi {

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
        new TokenApi().register(routes);
        new AuthScopesApi().register(routes);
        new UserApi().register(routes);
        new ResourceApi().register(routes);
        new ApplicationCredentialApi().register(routes);
        new AccessRuleApi().register(routes);
        new Ec2CredentialApi().register(routes);
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
}

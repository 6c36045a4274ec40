package org.stackratings.sandbox.api.network;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.stackratings.sandbox.api.network.l2.NetworkResource;
import org.stackratings.sandbox.api.network.l2.PortResource;
import org.stackratings.sandbox.api.network.l2.SubnetPoolResource;
import org.stackratings.sandbox.api.network.l2.SubnetResource;
import org.stackratings.sandbox.api.network.l3.FloatingIpResource;
import org.stackratings.sandbox.api.network.l3.RouterResource;
import org.stackratings.sandbox.api.network.security.SecurityGroupResource;
import org.stackratings.sandbox.api.network.security.SecurityGroupRuleResource;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.OpenStackService;
import org.stackratings.sandbox.routing.ServiceApi;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * Neutron v2.0 under {@code /{cloud}/network} for a member of the cloud's project: versions, the core resources
 * (networks, subnets, ports, subnet pools), routers and floating IPs, security groups and rules, tags, quotas,
 * service providers and the list of the extensions implemented ({@link NeutronExtensions}). docs/sandbox/network.md
 * describes the semantics.
 */
public final class NetworkApi implements ServiceApi {

    private static final List<NeutronResource> RESOURCES = List.of(new NetworkResource(), new SubnetResource(),
            new PortResource(), new SubnetPoolResource(), new RouterResource(), new FloatingIpResource(),
            new SecurityGroupResource(), new SecurityGroupRuleResource());
    private static final List<NeutronKind> TAGGED = List.of(NeutronKind.NETWORK, NeutronKind.SUBNET,
            NeutronKind.PORT, NeutronKind.SUBNETPOOL, NeutronKind.ROUTER, NeutronKind.FLOATINGIP,
            NeutronKind.SECURITY_GROUP);

    @Override
    public OpenStackService service() {
        return OpenStackService.NETWORK;
    }

    @Override
    public void register(ServiceRoutes routes) {
        routes.getOpen("", this::versions);
        routes.getOpen("/", this::versions);
        routes.get("/v2.0", this::resources);
        routes.get("/v2.0/", this::resources);
        routes.get("/v2.0/extensions", this::extensions);
        routes.get("/v2.0/extensions/:alias", NeutronError.answering(this::extension));
        routes.get("/v2.0/service-providers", this::serviceProviders);
        routes.get("/v2.0/agents", this::agents);
        routes.get("/v2.0/agents/:id", NeutronError.answering(this::agent));
        TagApi tags = new TagApi();
        TAGGED.forEach(kind -> tags.register(routes, kind));
        new QuotaApi().register(routes);
        RESOURCES.forEach(resource -> new ResourceRoutes(resource).register(routes));
    }

    private void versions(ApiRequest req) {
        req.ok(new JsonObject().put("versions", new JsonArray().add(new JsonObject()
                .put("status", "CURRENT").put("id", "v2.0")
                .put("links", new JsonArray().add(new JsonObject().put("href", req.serviceBase() + "/v2.0/")
                        .put("rel", "self"))))));
    }

    /** Neutron's root lists its core resources. */
    private void resources(ApiRequest req) {
        JsonArray resources = new JsonArray();
        for (NeutronKind kind : List.of(NeutronKind.SUBNET, NeutronKind.SUBNETPOOL, NeutronKind.NETWORK,
                NeutronKind.PORT)) {
            resources.add(new JsonObject().put("name", kind.singular()).put("collection", kind.plural())
                    .put("links", new JsonArray().add(new JsonObject().put("rel", "self")
                            .put("href", req.serviceBase() + "/v2.0/" + kind.path()))));
        }
        req.ok(new JsonObject().put("resources", resources));
    }

    private void extensions(ApiRequest req) {
        req.ok(new JsonObject().put("extensions",
                new JsonArray(NeutronExtensions.ALL.stream().map(NeutronExtensions.Extension::json).toList())));
    }

    private void extension(ApiRequest req) {
        String alias = req.param("alias");
        NeutronExtensions.Extension extension = NeutronExtensions.find(alias).orElseThrow(() ->
                new NeutronError(404, "HTTPNotFound", "Extension with alias " + alias + " does not exist"));
        req.ok(new JsonObject().put("extension", extension.json()));
    }

    /** The agents are the operator's: a member lists none and finds none. */
    private void agents(ApiRequest req) {
        req.ok(new JsonObject().put("agents", new JsonArray()));
    }

    private void agent(ApiRequest req) {
        throw new NeutronError(404, "AgentNotFound", "Agent " + req.param("id") + " could not be found.");
    }

    private void serviceProviders(ApiRequest req) {
        JsonObject provider = new JsonObject().put("service_type", "L3_ROUTER_NAT").put("name", "single_node")
                .put("default", true);
        req.ok(new ListQuery(req.context().queryParams()).page("service_providers",
                req.serviceBase() + "/v2.0/service-providers", List.of(provider)));
    }
}

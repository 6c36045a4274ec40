package org.stackratings.sandbox.api.network.l2;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.stackratings.sandbox.api.network.Attributes;
import org.stackratings.sandbox.api.network.NeutronError;
import org.stackratings.sandbox.api.network.NeutronRequest;
import org.stackratings.sandbox.api.network.NeutronResource;
import org.stackratings.sandbox.state.network.Ipv4Cidr;
import org.stackratings.sandbox.state.network.NeutronDocuments;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * Neutron's IPv4 subnets: a CIDR given or allocated from a subnet pool, no overlap on its network, a gateway (the
 * first address unless given or null), allocation pools (the rest unless given), DNS servers and host routes; delete
 * refused while a port has an address on it.
 */
public final class SubnetResource implements NeutronResource {

    private static final Set<String> CREATE = Set.of("network_id", "cidr", "ip_version", "name", "gateway_ip",
            "allocation_pools", "dns_nameservers", "host_routes", "enable_dhcp", "subnetpool_id", "prefixlen",
            "description", "tenant_id", "project_id", "ipv6_ra_mode", "ipv6_address_mode");
    private static final Set<String> UPDATE = Set.of("name", "gateway_ip", "allocation_pools", "dns_nameservers",
            "host_routes", "enable_dhcp", "description");
    private static final Set<String> KNOWN = Set.of("id", "network_id", "cidr", "ip_version", "subnetpool_id",
            "tenant_id", "project_id", "tags", "created_at", "updated_at", "revision_number", "service_types",
            "ipv6_ra_mode", "ipv6_address_mode", "prefixlen");

    private final SubnetAddressing addressing = new SubnetAddressing();

    @Override
    public NeutronKind kind() {
        return NeutronKind.SUBNET;
    }

    @Override
    public JsonObject create(NeutronRequest req, Attributes body) {
        body.allowOnly(CREATE, KNOWN);
        body.requireOwnProject(req);
        JsonObject network = NetworkResource.parent(req, body, "create_subnet");
        Object version = body.raw("ip_version");
        if (!body.has("ip_version") && !body.has("subnetpool_id")) {
            throw Attributes.missing("ip_version");
        }
        if (version != null && !"4".equals(String.valueOf(version))) {
            throw Attributes.invalid("ip_version", "'" + version + "' is not in [4] (the sandbox has IPv4 only)");
        }
        for (String v6 : new String[] {"ipv6_ra_mode", "ipv6_address_mode"}) {
            if (body.raw(v6) != null) {
                throw NeutronError.invalidInput(v6 + " is not valid when ip_version is 4");
            }
        }
        JsonObject pool = body.raw("subnetpool_id") == null ? null
                : req.find(NeutronKind.SUBNETPOOL, String.valueOf(body.raw("subnetpool_id")));
        Ipv4Cidr cidr = addressing.cidr(req, body, pool);
        String networkId = network.getString("id");
        for (JsonObject other : req.store().all(NeutronKind.SUBNET)) {
            if (networkId.equals(other.getString("network_id"))
                    && Ipv4Cidr.parse(other.getString("cidr")).orElseThrow().overlaps(cidr)) {
                throw NeutronError.invalidInput("Requested subnet with cidr: " + cidr + " for network: " + networkId
                        + " overlaps with another subnet.");
            }
        }
        String gateway = body.has("gateway_ip") ? addressing.gateway(body.raw("gateway_ip"), cidr)
                : Ipv4Cidr.format(cidr.first() + 1);
        JsonArray pools = body.has("allocation_pools") && body.raw("allocation_pools") != null
                ? addressing.pools(body.objects("allocation_pools"), cidr)
                : SubnetAddressing.defaultPools(cidr, gateway);
        addressing.checkGatewayOutsidePools(gateway, pools);
        JsonObject doc = NeutronDocuments.subnet(NeutronRequest.newId(), body.string("name", 255, ""), networkId,
                req.projectId(), cidr, gateway, pools, req.now())
                .put("dns_nameservers", addressing.nameservers(body.list("dns_nameservers", new JsonArray())))
                .put("host_routes", addressing.routes(body.objects("host_routes")))
                .put("enable_dhcp", body.bool("enable_dhcp", true))
                .put("description", body.string("description", 255, ""))
                .put("subnetpool_id", pool == null ? null : pool.getString("id"));
        req.store().put(kind(), doc);
        network.getJsonArray("subnets").add(doc.getString("id"));
        req.touched(network);
        return doc;
    }

    @Override
    public JsonObject update(NeutronRequest req, JsonObject doc, Attributes body) {
        body.allowOnly(UPDATE, KNOWN);
        Ipv4Cidr cidr = Ipv4Cidr.parse(doc.getString("cidr")).orElseThrow();
        String gateway = body.has("gateway_ip") ? addressing.gateway(body.raw("gateway_ip"), cidr)
                : doc.getString("gateway_ip");
        JsonArray pools = body.has("allocation_pools") ? addressing.pools(body.objects("allocation_pools"), cidr)
                : doc.getJsonArray("allocation_pools");
        addressing.checkGatewayOutsidePools(gateway, pools);
        doc.put("name", body.string("name", 255, doc.getString("name")))
                .put("description", body.string("description", 255, doc.getString("description")))
                .put("gateway_ip", gateway).put("allocation_pools", pools)
                .put("enable_dhcp", body.bool("enable_dhcp", doc.getBoolean("enable_dhcp")));
        if (body.has("dns_nameservers")) {
            doc.put("dns_nameservers", addressing.nameservers(body.list("dns_nameservers", new JsonArray())));
        }
        if (body.has("host_routes")) {
            doc.put("host_routes", addressing.routes(body.objects("host_routes")));
        }
        return req.touched(doc);
    }

    @Override
    public void delete(NeutronRequest req, JsonObject doc) {
        String id = doc.getString("id");
        boolean inUse = req.store().all(NeutronKind.PORT).stream()
                .filter(p -> !"network:dhcp".equals(p.getString("device_owner")))
                .anyMatch(p -> p.getJsonArray("fixed_ips").stream()
                        .anyMatch(ip -> id.equals(((JsonObject) ip).getString("subnet_id"))));
        if (inUse) {
            throw NeutronError.conflict("SubnetInUse", "Unable to complete operation on subnet " + id
                    + ": One or more ports have an IP allocation from this subnet.");
        }
        req.store().remove(kind(), id);
        req.store().find(NeutronKind.NETWORK, doc.getString("network_id")).ifPresent(n -> {
            n.getJsonArray("subnets").remove(id);
            req.touched(n);
        });
    }
}

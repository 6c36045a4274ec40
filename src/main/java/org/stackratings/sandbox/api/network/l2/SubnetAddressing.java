package org.stackratings.sandbox.api.network.l2;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stackratings.sandbox.api.network.Attributes;
import org.stackratings.sandbox.api.network.NeutronError;
import org.stackratings.sandbox.api.network.NeutronRequest;
import org.stackratings.sandbox.state.network.Ipv4Cidr;
import org.stackratings.sandbox.state.network.NeutronKind;

/** The address attributes of a subnet, validated as Neutron does: CIDR, gateway, pools, name servers, routes. */
final class SubnetAddressing {

    /** The subnet's CIDR: as given (inside the pool, if one is named), or the pool's next free prefix. */
    Ipv4Cidr cidr(NeutronRequest req, Attributes body, JsonObject pool) {
        if (body.raw("cidr") == null) {
            if (pool == null) {
                throw NeutronError.badRequest("Bad subnets request: a subnetpool must be specified in the absence"
                        + " of a cidr.");
            }
            return SubnetPoolResource.allocate(req, pool, body.raw("prefixlen"));
        }
        String text = String.valueOf(body.raw("cidr"));
        Ipv4Cidr cidr = Ipv4Cidr.parse(text)
                .orElseThrow(() -> Attributes.invalid("cidr", "'" + text + "' is not a valid IP subnet"));
        if (!cidr.toString().equals(text)) {
            throw Attributes.invalid("cidr", "'" + text + "' isn't a recognized IP subnet cidr, '" + cidr
                    + "' is recommended");
        }
        if (cidr.prefixLength() == 0) {
            throw NeutronError.invalidInput("Invalid CIDR " + cidr + " for IPv4 subnet.");
        }
        if (pool != null) {
            SubnetPoolResource.requireInside(req, pool, cidr);
        }
        return cidr;
    }

    /** A gateway: null, or a valid address that is neither the network nor the broadcast address. */
    String gateway(Object raw, Ipv4Cidr cidr) {
        if (raw == null) {
            return null;
        }
        String text = String.valueOf(raw);
        long address = Ipv4Cidr.address(text)
                .orElseThrow(() -> Attributes.invalid("gateway_ip", "'" + text + "' is not a valid IP address"));
        if (address == cidr.first() || address == cidr.last()) {
            throw NeutronError.badRequest("Invalid input for operation: Gateway is not valid on subnet.");
        }
        return text;
    }

    /** The pools the request names: inside the CIDR, each start before its end, not overlapping. */
    JsonArray pools(List<JsonObject> requested, Ipv4Cidr cidr) {
        List<long[]> ranges = new ArrayList<>();
        JsonArray pools = new JsonArray();
        for (JsonObject pool : requested) {
            Long start = Ipv4Cidr.address(pool.getString("start")).orElse(null);
            Long end = Ipv4Cidr.address(pool.getString("end")).orElse(null);
            if (start == null || end == null) {
                throw NeutronError.badRequest("The allocation pool " + pool.encode() + " is not valid.");
            }
            if (start <= cidr.first() || end >= cidr.last() || start > end) {
                throw new NeutronError(400, "OutOfBoundsAllocationPool", "The allocation pool "
                        + pool.getString("start") + "-" + pool.getString("end") + " spans beyond the subnet cidr "
                        + cidr + ".");
            }
            for (long[] other : ranges) {
                if (start <= other[1] && other[0] <= end) {
                    throw new NeutronError(400, "OverlappingAllocationPools", "Found overlapping allocation pools: "
                            + pool.getString("start") + "-" + pool.getString("end") + " and "
                            + Ipv4Cidr.format(other[0]) + "-" + Ipv4Cidr.format(other[1]) + " for subnet " + cidr
                            + ".");
                }
            }
            ranges.add(new long[] {start, end});
            pools.add(new JsonObject().put("start", Ipv4Cidr.format(start)).put("end", Ipv4Cidr.format(end)));
        }
        return pools;
    }

    /** Every host address but the gateway's. */
    static JsonArray defaultPools(Ipv4Cidr cidr, String gateway) {
        long first = cidr.first() + 1;
        long last = cidr.last() - 1;
        long gw = gateway == null ? -1 : Ipv4Cidr.address(gateway).orElse(-1L);
        JsonArray pools = new JsonArray();
        if (gw < first || gw > last) {
            pools.add(range(first, last));
        } else {
            if (gw > first) {
                pools.add(range(first, gw - 1));
            }
            if (gw < last) {
                pools.add(range(gw + 1, last));
            }
        }
        return pools;
    }

    private static JsonObject range(long start, long end) {
        return new JsonObject().put("start", Ipv4Cidr.format(start)).put("end", Ipv4Cidr.format(end));
    }

    void checkGatewayOutsidePools(String gateway, JsonArray pools) {
        if (gateway == null) {
            return;
        }
        long gw = Ipv4Cidr.address(gateway).orElseThrow();
        for (Object o : pools) {
            JsonObject pool = (JsonObject) o;
            if (gw >= Ipv4Cidr.address(pool.getString("start")).orElseThrow()
                    && gw <= Ipv4Cidr.address(pool.getString("end")).orElseThrow()) {
                throw NeutronError.conflict("GatewayConflictWithAllocationPools", "Gateway ip " + gateway
                        + " conflicts with allocation pool " + pool.getString("start") + "-" + pool.getString("end")
                        + ".");
            }
        }
    }

    JsonArray nameservers(JsonArray requested) {
        Set<String> seen = new HashSet<>();
        for (Object o : requested) {
            String text = String.valueOf(o);
            if (Ipv4Cidr.address(text).isEmpty()) {
                throw Attributes.invalid("dns_nameservers", "'" + text + "' is not a valid nameserver");
            }
            if (!seen.add(text)) {
                throw Attributes.invalid("dns_nameservers", "Duplicate nameserver '" + text + "'");
            }
        }
        return requested.copy();
    }

    JsonArray routes(List<JsonObject> requested) {
        JsonArray routes = new JsonArray();
        for (JsonObject route : requested) {
            String destination = route.getString("destination");
            String nexthop = route.getString("nexthop");
            if (Ipv4Cidr.parse(destination).isEmpty() || Ipv4Cidr.address(nexthop).isEmpty()) {
                throw Attributes.invalid("host_routes", "Invalid data format for hostroute: '" + route.encode() + "'");
            }
            routes.add(new JsonObject().put("destination", destination).put("nexthop", nexthop));
        }
        return routes;
    }

    /** The subnets on a network (for port addresses). */
    static List<JsonObject> subnetsOf(NeutronRequest req, String networkId) {
        return req.store().all(NeutronKind.SUBNET).stream()
                .filter(s -> networkId.equals(s.getString("network_id"))).toList();
    }
}

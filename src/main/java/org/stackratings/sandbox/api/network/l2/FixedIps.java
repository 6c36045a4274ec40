package org.stackratings.sandbox.api.network.l2;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.stackratings.sandbox.api.network.NeutronError;
import org.stackratings.sandbox.api.network.NeutronRequest;
import org.stackratings.sandbox.state.network.AddressAllocator;
import org.stackratings.sandbox.state.network.Ipv4Cidr;

/**
 * The fixed IPs of a port as Neutron resolves them: each request names a subnet, an address or both; an address is
 * taken from the subnet's pools when none is named; with no request the port gets one address of the network.
 */
public final class FixedIps {

    private FixedIps() {
    }

    /** The addresses for a new port on {@code networkId} ({@code requested} null: Neutron's default). */
    public static JsonArray resolve(NeutronRequest req, String networkId, List<JsonObject> requested,
            JsonArray current) {
        List<JsonObject> subnets = SubnetAddressing.subnetsOf(req, networkId);
        AddressAllocator allocator = new AddressAllocator(req.store());
        JsonArray result = new JsonArray();
        if (requested == null) {
            for (JsonObject subnet : subnets) {
                Optional<String> address = allocator.next(subnet);
                if (address.isPresent()) {
                    return result.add(entry(subnet, address.get()));
                }
            }
            if (!subnets.isEmpty()) {
                throw exhausted(networkId);
            }
            return result;
        }
        for (JsonObject want : requested) {
            String subnetId = want.getString("subnet_id");
            String wanted = want.getString("ip_address");
            JsonObject subnet = subnetId != null ? subnetOn(subnets, subnetId, networkId) : subnetFor(subnets, wanted);
            String address = wanted;
            if (address == null) {
                String kept = held(current, subnet.getString("id"), result);
                address = kept != null ? kept : allocator.next(subnet, taken(result)).orElseThrow(() -> exhausted(networkId));
            } else {
                long value = Ipv4Cidr.address(wanted).orElseThrow(() -> invalidForSubnet(wanted));
                Ipv4Cidr cidr = Ipv4Cidr.parse(subnet.getString("cidr")).orElseThrow();
                if (!cidr.contains(value) || value == cidr.first() || value == cidr.last()) {
                    throw invalidForSubnet(address);
                }
                if (allocator.inUse(subnet, address) && !holds(current, address)) {
                    throw NeutronError.conflict("IpAddressAlreadyAllocated", "IP address " + address
                            + " already allocated in subnet " + subnet.getString("id"));
                }
            }
            result.add(entry(subnet, address));
        }
        return result;
    }

    private static String held(JsonArray current, String subnetId, JsonArray taken) {
        if (current == null) {
            return null;
        }
        for (Object o : current) {
            JsonObject ip = (JsonObject) o;
            if (subnetId.equals(ip.getString("subnet_id")) && !taken.contains(ip)) {
                return ip.getString("ip_address");
            }
        }
        return null;
    }

    private static Set<String> taken(JsonArray result) {
        Set<String> taken = new HashSet<>();
        result.forEach(o -> taken.add(((JsonObject) o).getString("ip_address")));
        return taken;
    }

    private static boolean holds(JsonArray current, String address) {
        return current != null && current.stream().anyMatch(o -> address.equals(((JsonObject) o).getString("ip_address")));
    }

    private static JsonObject entry(JsonObject subnet, String address) {
        return new JsonObject().put("subnet_id", subnet.getString("id")).put("ip_address", address);
    }

    private static JsonObject subnetOn(List<JsonObject> subnets, String subnetId, String networkId) {
        return subnets.stream().filter(s -> subnetId.equals(s.getString("id"))).findFirst()
                .orElseThrow(() -> NeutronError.invalidInput("Failed to create port on network " + networkId
                        + ", because fixed_ips included invalid subnet " + subnetId + "."));
    }

    private static JsonObject subnetFor(List<JsonObject> subnets, String address) {
        if (address == null) {
            throw NeutronError.invalidInput("Exactly one of subnet_id or ip_address must be given in fixed_ips.");
        }
        long value = Ipv4Cidr.address(address).orElseThrow(() -> invalidForSubnet(address));
        return subnets.stream().filter(s -> Ipv4Cidr.parse(s.getString("cidr")).orElseThrow().contains(value))
                .findFirst().orElseThrow(() -> NeutronError.invalidInput("IP address " + address
                        + " is not a valid IP for any of the subnets on the specified network."));
    }

    private static NeutronError invalidForSubnet(String address) {
        return new NeutronError(400, "InvalidIpForSubnet", "IP address " + address
                + " is not a valid IP for the specified subnet.");
    }

    private static NeutronError exhausted(String networkId) {
        return conflictNoAddresses(networkId);
    }

    static NeutronError conflictNoAddresses(String networkId) {
        return NeutronError.conflict("IpAddressGenerationFailure", "No more IP addresses available on network "
                + networkId + ".");
    }
}

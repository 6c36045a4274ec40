package org.stackratings.sandbox.state.network;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ports another service makes for its devices in a cloud's {@link NetworkStore} (Nova's ports for the NICs of a
 * server: {@code device_owner} {@code compute:nova}, {@code device_id} the server's id): made with an address of the
 * network's subnets, bound when the device brings its own port, and deleted or unbound with the device.
 */
public final class DevicePorts {

    /** Nova's device owner of a server's port. */
    public static final String COMPUTE = "compute:nova";

    private final NetworkStore store;
    private final SecureRandom random = new SecureRandom();

    public DevicePorts(NetworkStore store) {
        this.store = store;
    }

    /**
     * Makes a port of {@code projectId} on {@code network} for {@code deviceId}: at {@code fixedIp} (null: the lowest
     * free address of the network's first subnet with one), with the security groups {@code groupIds}. Empty when
     * no address is free, or {@code fixedIp} is in none of the network's subnets or held already.
     */
    public Optional<JsonObject> create(JsonObject network, String projectId, String deviceId, String fixedIp,
            JsonArray groupIds, String now) {
        synchronized (store) {
            AddressAllocator allocator = new AddressAllocator(store);
            JsonArray fixedIps = new JsonArray();
            for (JsonObject subnet : subnets(network)) {
                if (fixedIp == null) {
                    Optional<String> next = allocator.next(subnet);
                    if (next.isPresent()) {
                        fixedIps.add(address(subnet, next.get()));
                        break;
                    }
                } else if (contains(subnet, fixedIp) && !allocator.inUse(subnet, fixedIp)) {
                    fixedIps.add(address(subnet, fixedIp));
                    break;
                }
            }
            if (fixedIps.isEmpty()) {
                return Optional.empty();
            }
            String networkId = network.getString("id");
            JsonObject port = NeutronDocuments.standard(UUID.randomUUID().toString(), "", projectId, now)
                    .put("network_id", networkId).put("mac_address", newMac(networkId))
                    .put("admin_state_up", true).put("status", "ACTIVE").put("fixed_ips", fixedIps)
                    .put("device_id", deviceId).put("device_owner", COMPUTE).put("security_groups", groupIds)
                    .put("port_security_enabled", network.getBoolean("port_security_enabled", true))
                    .put("allowed_address_pairs", new JsonArray()).put("extra_dhcp_opts", new JsonArray());
            store.put(NeutronKind.PORT, port);
            return Optional.of(port);
        }
    }

    /** The subnets of a network, in the network's order. */
    public List<JsonObject> subnets(JsonObject network) {
        return network.getJsonArray("subnets", new JsonArray()).stream()
                .map(id -> store.find(NeutronKind.SUBNET, String.valueOf(id)))
                .flatMap(Optional::stream).toList();
    }

    /** Whether {@code address} is a host address of one of the network's subnets. */
    public boolean onNetwork(JsonObject network, String address) {
        return subnets(network).stream().anyMatch(s -> contains(s, address));
    }

    /** Whether {@code address} is held on the network already. */
    public boolean held(JsonObject network, String address) {
        AddressAllocator allocator = new AddressAllocator(store);
        return subnets(network).stream().anyMatch(s -> contains(s, address) && allocator.inUse(s, address));
    }

    private static boolean contains(JsonObject subnet, String address) {
        Optional<Ipv4Cidr> cidr = Ipv4Cidr.parse(subnet.getString("cidr"));
        Optional<Long> value = Ipv4Cidr.address(address);
        return cidr.isPresent() && value.isPresent() && cidr.get().contains(value.get())
                && value.get() != cidr.get().first() && value.get() != cidr.get().last();
    }

    private static JsonObject address(JsonObject subnet, String ip) {
        return new JsonObject().put("subnet_id", subnet.getString("id")).put("ip_address", ip);
    }

    private String newMac(String networkId) {
        while (true) {
            String mac = String.format("fa:16:3e:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256),
                    random.nextInt(256));
            boolean taken = store.all(NeutronKind.PORT).stream()
                    .anyMatch(p -> networkId.equals(p.getString("network_id")) && mac.equals(p.getString("mac_address")));
            if (!taken) {
                return mac;
            }
        }
    }

    /** Binds an existing port to the device; false when it is gone or bound to another device already. */
    public boolean bind(String portId, String deviceId, String now) {
        synchronized (store) {
            Optional<JsonObject> port = store.find(NeutronKind.PORT, portId);
            if (port.isEmpty() || !port.get().getString("device_id", "").isEmpty()) {
                return false;
            }
            port.get().put("device_id", deviceId).put("device_owner", COMPUTE).put("status", "ACTIVE")
                    .put("updated_at", now).put("revision_number", port.get().getInteger("revision_number", 0) + 1);
            return true;
        }
    }

    /** The ports bound to a device, oldest first. */
    public List<JsonObject> of(String deviceId) {
        return store.all(NeutronKind.PORT).stream().filter(p -> deviceId.equals(p.getString("device_id")))
                .filter(p -> COMPUTE.equals(p.getString("device_owner"))).toList();
    }

    /**
     * Takes a port off its device: deleted when the device's service made it ({@code made}), else unbound
     * ({@code device_id} and {@code device_owner} emptied); floating IPs on a deleted port are disassociated.
     */
    public void release(JsonObject port, boolean made, String now) {
        synchronized (store) {
            String id = port.getString("id");
            if (!made) {
                port.put("device_id", "").put("device_owner", "").put("status", "DOWN").put("updated_at", now)
                        .put("revision_number", port.getInteger("revision_number", 0) + 1);
                return;
            }
            for (JsonObject f : store.all(NeutronKind.FLOATINGIP)) {
                if (id.equals(f.getString("port_id"))) {
                    f.putNull("port_id").putNull("fixed_ip_address").putNull("router_id").put("status", "DOWN")
                            .put("updated_at", now);
                }
            }
            store.remove(NeutronKind.PORT, id);
        }
    }
}

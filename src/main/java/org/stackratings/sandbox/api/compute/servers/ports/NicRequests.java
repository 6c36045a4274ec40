package org.stackratings.sandbox.api.compute.servers.ports;

import io.netty.util.NetUtil;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.network.DevicePorts;
import org.stackratings.sandbox.state.network.NetworkStore;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * The {@code networks} of a server create, as Nova reads them: a list of {@code {uuid}}, {@code {uuid, fixed_ip}}
 * or {@code {port}}, or from 2.37 {@code "auto"} (the project's network) or {@code "none"} (required from 2.37,
 * the project's network before when absent). {@link #parse} checks the format, {@link #validate} the networks and
 * ports against the cloud's Neutron, with Nova's messages.
 */
public final class NicRequests {

    private static final Pattern UUID_FORMAT = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    /** The NICs of "auto" (and of no {@code networks} before 2.37) before the network is chosen. */
    private static final Nic AUTO = new Nic(null, null, null);

    private NicRequests() {
    }

    /** The NICs asked for; a {@link NovaRefusal} for a format Nova refuses. */
    public static List<Nic> parse(Object value, Microversion mv) {
        boolean v237 = mv.atLeast(2, 37);
        if (value == null) {
            if (v237) {
                throw new NovaRefusal(400,
                        "Invalid input for field/attribute server. 'networks' is a required property");
            }
            return List.of(AUTO);
        }
        if (value instanceof String s) {
            if (!v237 || !("auto".equals(s) || "none".equals(s))) {
                throw NovaRefusal.invalid("networks", value);
            }
            return "auto".equals(s) ? List.of(AUTO) : List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw NovaRefusal.invalid("networks", value);
        }
        List<Nic> nics = new ArrayList<>();
        for (Object item : array) {
            if (!(item instanceof JsonObject net)) {
                throw NovaRefusal.invalid("networks", value);
            }
            nics.add(nic(net));
        }
        return nics;
    }

    private static Nic nic(JsonObject net) {
        Object fixedIp = net.getValue("fixed_ip");
        if (fixedIp != null && !(fixedIp instanceof String ip && NetUtil.isValidIpV4Address(ip))) {
            throw NovaRefusal.invalid("fixed_ip", fixedIp);
        }
        Object port = net.getValue("port");
        if (port != null) {
            if (!(port instanceof String p && UUID_FORMAT.matcher(p).matches())) {
                throw new NovaRefusal(400, "Bad networks format: port uuid is not in proper format (" + port + ")");
            }
            return new Nic(null, p, (String) fixedIp);
        }
        Object uuid = net.getValue("uuid");
        if (!(uuid instanceof String id && UUID_FORMAT.matcher(id).matches())) {
            throw new NovaRefusal(400, "Bad networks format: network uuid is not in proper format (" + uuid + ")");
        }
        return new Nic(id, null, (String) fixedIp);
    }

    /**
     * The NICs with their networks resolved: each network one the project may boot on, each port the project's and
     * free, each fixed address free on its network, a port or an address only for a single server.
     */
    public static List<Nic> validate(ApiRequest req, List<Nic> nics, int maxCount) {
        NetworkStore store = req.cloud().networks();
        String project = req.profile().project().id();
        List<Nic> resolved = new ArrayList<>();
        Set<String> ports = new HashSet<>();
        synchronized (store) {
            for (Nic nic : nics) {
                if (nic == AUTO) {
                    resolved.add(new Nic(autoNetwork(store, project), null, null));
                    continue;
                }
                if (nic.portId() != null) {
                    if (maxCount > 1) {
                        throw new NovaRefusal(400, "Unable to launch multiple instances with a single configured "
                                + "port ID. Please launch your instance one by one with different ports.");
                    }
                    if (!ports.add(nic.portId())) {
                        throw new NovaRefusal(400, "Port " + nic.portId() + " is still in use.");
                    }
                    resolved.add(nic.on(freePort(store, project, nic.portId()).getString("network_id")));
                    continue;
                }
                JsonObject network = bootable(store, project, nic.networkId());
                if (nic.fixedIp() != null) {
                    if (maxCount > 1) {
                        throw new NovaRefusal(400, "max_count cannot be greater than 1 if an fixed_ip is specified.");
                    }
                    checkAddress(store, network, nic.fixedIp());
                }
                resolved.add(nic);
            }
        }
        return resolved;
    }

    /** The network "auto" means: the only network of the project (or shared with it); Nova's 409 for several. */
    private static String autoNetwork(NetworkStore store, String project) {
        List<JsonObject> candidates = store.all(NeutronKind.NETWORK).stream()
                .filter(n -> !n.getBoolean("router:external", false))
                .filter(n -> project.equals(n.getString("project_id")) || n.getBoolean("shared", false))
                .toList();
        if (candidates.size() > 1) {
            throw new NovaRefusal(409, "Multiple possible networks found, use a Network ID to be more specific.");
        }
        if (candidates.isEmpty()) {
            throw new NovaRefusal(400, "Unable to automatically allocate a network for project " + project);
        }
        return candidates.get(0).getString("id");
    }

    /** A network the project may put a server on; Nova's 400 when it sees none by that id. */
    static JsonObject bootable(NetworkStore store, String project, String id) {
        Optional<JsonObject> network = store.find(NeutronKind.NETWORK, id).filter(n -> visible(n, project));
        if (network.isEmpty()) {
            throw new NovaRefusal(400, "Network " + id + " could not be found.");
        }
        JsonObject n = network.get();
        if (n.getBoolean("router:external", false) && !project.equals(n.getString("project_id"))
                && !n.getBoolean("shared", false)) {
            throw new NovaRefusal(403, "It is not allowed to create an interface on external network " + id);
        }
        if (n.getJsonArray("subnets", new JsonArray()).isEmpty()) {
            throw new NovaRefusal(400, "Network " + id + " requires a subnet in order to boot instances on.");
        }
        return n;
    }

    private static boolean visible(JsonObject network, String project) {
        return project.equals(network.getString("project_id")) || network.getBoolean("shared", false)
                || network.getBoolean("router:external", false);
    }

    /** A port of the project bound to no device; Nova's 400 when unknown, its 409 when in use. */
    static JsonObject freePort(NetworkStore store, String project, String id) {
        JsonObject port = store.find(NeutronKind.PORT, id).filter(p -> project.equals(p.getString("project_id")))
                .orElseThrow(() -> new NovaRefusal(400, "Port id " + id + " could not be found."));
        if (!port.getString("device_id", "").isEmpty()) {
            throw new NovaRefusal(409, "Port " + id + " is still in use.");
        }
        return port;
    }

    static void checkAddress(NetworkStore store, JsonObject network, String address) {
        DevicePorts ports = new DevicePorts(store);
        if (!ports.onNetwork(network, address)) {
            throw new NovaRefusal(400, "Invalid input received: Fixed IP address " + address
                    + " is not valid for network " + network.getString("id") + ".");
        }
        if (ports.held(network, address)) {
            String holder = store.all(NeutronKind.PORT).stream()
                    .filter(p -> p.getJsonArray("fixed_ips", new JsonArray()).stream()
                            .anyMatch(ip -> address.equals(((JsonObject) ip).getString("ip_address"))))
                    .map(p -> p.getString("device_id", "")).findFirst().orElse("");
            throw new NovaRefusal(400, "Fixed IP address " + address + " is already in use on instance "
                    + holder + ".");
        }
    }
}

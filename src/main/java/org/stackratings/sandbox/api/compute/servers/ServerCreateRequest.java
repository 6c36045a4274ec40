package org.stackratings.sandbox.api.compute.servers;

import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.api.compute.ComputeApi;
import io.netty.util.NetUtil;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.CloudInventory;
import org.stackratings.sandbox.state.ServerSpec;

/**
 * The body of {@code POST /servers}, validated as Nova validates it (in Nova's order, so that the first problem is the
 * one Nova names): the {@link ServerSpec} of the servers to create and whether only a reservation id is wanted.
 */
record ServerCreateRequest(ServerSpec spec, boolean returnReservationId) {

    private static final java.util.Set<String> HINT_KEYS = java.util.Set.of("os:scheduler_hints",
            "OS-SCH-HNT:scheduler_hints");

    private static final Pattern UUID_FORMAT = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    /** The request's {@code server}; a {@link NovaRefusal} for the first field Nova would refuse. */
    static ServerCreateRequest parse(ApiRequest req) {
        JsonObject server = ServerFields.member(req, "server");
        Microversion mv = ComputeApi.microversion(req);
        String name = ServerFields.name(server.getValue("name"));
        CloudInventory inventory = req.inventory();
        String flavorId = ServerFields.reference(server.getValue("flavorRef"), "flavorRef");
        String imageId = ServerFields.reference(server.getValue("imageRef"), "imageRef");
        Map<String, String> metadata = ServerFields.metadata(server.getValue("metadata"));
        String accessIPv4 = ServerFields.address(server.getValue("accessIPv4"), "accessIPv4",
                NetUtil::isValidIpV4Address);
        String accessIPv6 = ServerFields.address(server.getValue("accessIPv6"), "accessIPv6",
                ServerFields::isIpV6);
        Object keyName = server.getValue("key_name");
        if (keyName != null && !(keyName instanceof String k && !k.isEmpty() && k.length() <= 255)) {
            throw NovaRefusal.invalid("key_name", keyName);
        }
        int minCount = count(server.getValue("min_count"), "min_count");
        int maxCount = count(server.getValue("max_count"), "max_count");
        if (server.getValue("max_count") == null) {
            maxCount = minCount;
        }
        if (minCount > maxCount) {
            throw new NovaRefusal(400, "min_count must be <= max_count");
        }
        List<String> securityGroups = securityGroups(server.getValue("security_groups"));
        List<String> networks = networks(server.getValue("networks"), mv, inventory);
        String disk = ServerFields.diskConfig(server.getValue("OS-DCF:diskConfig"));
        String description = mv.atLeast(2, 19) ? ServerFields.description(server.getValue("description")) : null;
        Object zone = server.getValue("availability_zone");
        if (zone != null && !(zone instanceof String z && !z.isEmpty() && z.length() <= 255)) {
            throw NovaRefusal.invalid("availability_zone", zone);
        }
        if (zone != null && !"nova".equals(zone)) {
            throw new NovaRefusal(400, "The requested availability zone is not available");
        }
        String group = group(req);
        if (inventory.flavor(flavorId).isEmpty()) {
            throw new NovaRefusal(400, "Flavor " + flavorId + " could not be found.");
        }
        if (req.cloud().images().bootable(imageId).isEmpty()) {
            throw new NovaRefusal(400, "Can not find requested image");
        }
        if (keyName != null && !req.cloud().keypairs().has(req.token().user().id(), (String) keyName)) {
            throw new NovaRefusal(400, "Invalid key_name provided.");
        }
        ServerSpec spec = new ServerSpec(name, flavorId, imageId, networks, metadata, (String) keyName, accessIPv4,
                accessIPv6, securityGroups, minCount, maxCount, description, disk, (String) zone, group);
        return new ServerCreateRequest(spec, Boolean.TRUE.equals(server.getValue("return_reservation_id")));
    }

    /** The server group of the scheduler hint {@code group}, which must name a group of the project. */
    private static String group(ApiRequest req) {
        JsonObject body = req.jsonBody();
        for (String key : HINT_KEYS) {
            if (body.getValue(key) != null && !(body.getValue(key) instanceof JsonObject)) {
                throw NovaRefusal.invalid(key, body.getValue(key));
            }
            Object group = body.getValue(key) instanceof JsonObject hints ? hints.getValue("group") : null;
            if (group == null) {
                continue;
            }
            if (!(group instanceof String g && UUID_FORMAT.matcher(g).matches())) {
                throw NovaRefusal.invalid("group", group);
            }
            if (req.cloud().serverGroups().find(g, id -> true).isEmpty()) {
                throw new NovaRefusal(400, "Invalid server group " + g + ": it could not be found.");
            }
            return g;
        }
        return null;
    }

    private static int count(Object value, String field) {
        if (value == null) {
            return 1;
        }
        Integer count = value instanceof Integer i ? i
                : value instanceof String t && t.matches("[0-9]{1,9}") ? Integer.valueOf(t) : null;
        if (count == null || count < 1) {
            throw NovaRefusal.invalid(field, value);
        }
        return count;
    }

    private static List<String> securityGroups(Object value) {
        if (value == null) {
            return List.of("default");
        }
        if (!(value instanceof JsonArray array)) {
            throw NovaRefusal.invalid("security_groups", value);
        }
        List<String> names = new ArrayList<>();
        for (Object g : array) {
            if (!(g instanceof JsonObject o) || !(o.getValue("name") instanceof String n) || n.isEmpty()) {
                throw NovaRefusal.invalid("security_groups", value);
            }
            names.add(n);
        }
        return names;
    }

    /** The networks the server gets: {@code networks} as a list of {@code {uuid}}, or "auto"/"none" (2.37+). */
    private static List<String> networks(Object value, Microversion mv, CloudInventory inventory) {
        String privateNet = inventory.networks().stream().filter(n -> !n.external()).findFirst()
                .map(CloudInventory.Network::id).orElseThrow();
        boolean v237 = mv.atLeast(2, 37);
        if (value == null) {
            if (v237) {
                throw new NovaRefusal(400,
                        "Invalid input for field/attribute server. 'networks' is a required property");
            }
            return List.of(privateNet);
        }
        if (value instanceof String s) {
            if (!v237 || !("auto".equals(s) || "none".equals(s))) {
                throw NovaRefusal.invalid("networks", value);
            }
            return "auto".equals(s) ? List.of(privateNet) : List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw NovaRefusal.invalid("networks", value);
        }
        List<String> ids = new ArrayList<>();
        for (Object item : array) {
            if (!(item instanceof JsonObject net)) {
                throw NovaRefusal.invalid("networks", value);
            }
            if (net.getValue("port") != null) {
                throw new NovaRefusal(400, "Port " + net.getValue("port") + " could not be found.");
            }
            if (!(net.getValue("uuid") instanceof String uuid)) {
                throw new NovaRefusal(400, "Bad networks format: network uuid is not in proper format ("
                        + net.getValue("uuid") + ")");
            }
            if (!UUID_FORMAT.matcher(uuid).matches()) {
                throw new NovaRefusal(400, "Bad networks format: network uuid is not in proper format ("
                        + uuid + ")");
            }
            if (inventory.network(uuid).isEmpty()) {
                throw new NovaRefusal(400, "Network " + uuid + " could not be found.");
            }
            Object fixedIp = net.getValue("fixed_ip");
            if (fixedIp != null && !(fixedIp instanceof String ip && NetUtil.isValidIpV4Address(ip))) {
                throw NovaRefusal.invalid("fixed_ip", fixedIp);
            }
            ids.add(uuid);
        }
        return ids;
    }
}

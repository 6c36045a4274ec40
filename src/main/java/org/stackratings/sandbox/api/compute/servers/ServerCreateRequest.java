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
import org.stackratings.sandbox.api.compute.servers.boot.BlockDevice;
import org.stackratings.sandbox.api.compute.servers.boot.BootDisks;
import org.stackratings.sandbox.api.compute.servers.ports.Nic;
import org.stackratings.sandbox.api.compute.servers.ports.NicRequests;
import org.stackratings.sandbox.api.compute.servers.ports.ServerPorts;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.CloudInventory;
import org.stackratings.sandbox.state.ServerSpec;

/**
 * The body of {@code POST /servers}, validated as Nova validates it (in Nova's order, so that the first problem is the
 * one Nova names): the {@link ServerSpec} of the servers to create, their NICs ({@link NicRequests}) and whether
 * only a reservation id is wanted. Its disks are {@link BootDisks}: an image the project sees, active, with a minimum
 * RAM and disk the flavor meets, or the volumes of a {@code block_device_mapping_v2}.
 */
record ServerCreateRequest(ServerSpec spec, List<Nic> nics, BootDisks disks, String adminPass,
        boolean returnReservationId) {

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
        Object imageRef = server.getValue("imageRef");
        if (imageRef != null && !"".equals(imageRef)) {
            ServerFields.reference(imageRef, "imageRef");
        }
        List<BlockDevice> devices = BlockDevice.parse(server.getValue("block_device_mapping_v2"));
        Map<String, String> metadata = ServerFields.metadata(server.getValue("metadata"));
        String accessIPv4 = ServerFields.address(server.getValue("accessIPv4"), "accessIPv4",
                NetUtil::isValidIpV4Address);
        String accessIPv6 = ServerFields.address(server.getValue("accessIPv6"), "accessIPv6",
                ServerFields::isIpV6);
        Object adminPass = server.getValue("adminPass");
        if (adminPass != null && !(adminPass instanceof String)) {
            throw NovaRefusal.invalid("adminPass", adminPass);
        }
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
        List<Nic> asked = NicRequests.parse(server.getValue("networks"), mv);
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
        CloudInventory.Flavor flavor = inventory.flavor(flavorId)
                .orElseThrow(() -> new NovaRefusal(400, "Invalid flavorRef provided."));
        BootDisks disks = BootDisks.plan(req, imageRef, devices, flavor, maxCount);
        if (keyName != null && !req.cloud().keypairs().has(req.token().user().id(), (String) keyName)) {
            throw new NovaRefusal(400, "Invalid key_name provided.");
        }
        new ServerPorts(req).securityGroups(securityGroups);
        List<Nic> nics = NicRequests.validate(req, asked, maxCount);
        List<String> networks = nics.stream().map(Nic::networkId).toList();
        ServerSpec spec = new ServerSpec(name, flavorId, disks.imageId(), networks, metadata, (String) keyName, accessIPv4,
                accessIPv6, securityGroups, minCount, maxCount, description, disk, (String) zone, group,
                req.token().user().id());
        return new ServerCreateRequest(spec, nics, disks, (String) adminPass, Boolean.TRUE.equals(server.getValue("return_reservation_id")));
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
}

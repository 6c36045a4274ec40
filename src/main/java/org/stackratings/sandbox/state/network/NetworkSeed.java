package org.stackratings.sandbox.state.network;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.stackratings.sandbox.state.CloudInventory;

/**
 * The first content of a cloud's {@link NetworkStore}: the inventory's networks and subnets (the external one owned
 * by the operator's project, as in a real cloud) and the member project's {@code default} security group.
 */
final class NetworkSeed {

    private final Map<NeutronKind, List<JsonObject>> documents = new EnumMap<>(NeutronKind.class);
    private final String adminProjectId;

    NetworkSeed(CloudInventory inventory, String projectId) {
        String now = CloudInventory.CREATED_AT;
        adminProjectId = UUID.nameUUIDFromBytes(("admin-project:" + projectId).getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
        for (CloudInventory.Network n : inventory.networks()) {
            String owner = n.external() ? adminProjectId : projectId;
            JsonObject network = NeutronDocuments.network(n.id(), n.name(), owner, n.external(), n.mtu(), now)
                    .put("subnets", new JsonArray(new ArrayList<>(n.subnetIds()))).put("revision_number", 1);
            add(NeutronKind.NETWORK, network);
            for (String subnetId : n.subnetIds()) {
                inventory.subnet(subnetId).ifPresent(s -> add(NeutronKind.SUBNET, NeutronDocuments.subnet(s.id(),
                        s.name(), s.networkId(), owner, Ipv4Cidr.parse(s.cidr()).orElseThrow(), s.gatewayIp(),
                        new JsonArray().add(new JsonObject().put("start", s.poolStart()).put("end", s.poolEnd())),
                        now)));
            }
        }
        String group = uuid(projectId + ":security-group:default");
        add(NeutronKind.SECURITY_GROUP, NeutronDocuments.securityGroup(group, "default", "Default security group",
                projectId, now));
        int i = 0;
        for (String ethertype : List.of("IPv4", "IPv6")) {
            add(NeutronKind.SECURITY_GROUP_RULE, NeutronDocuments.rule(uuid(group + ":rule:" + i++), group, projectId,
                    "egress", ethertype, null, now));
            add(NeutronKind.SECURITY_GROUP_RULE, NeutronDocuments.rule(uuid(group + ":rule:" + i++), group, projectId,
                    "ingress", ethertype, group, now));
        }
    }

    private static String uuid(String what) {
        return UUID.nameUUIDFromBytes(what.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void add(NeutronKind kind, JsonObject doc) {
        documents.computeIfAbsent(kind, k -> new ArrayList<>()).add(doc);
    }

    String adminProjectId() {
        return adminProjectId;
    }

    Map<NeutronKind, List<JsonObject>> documents() {
        return documents;
    }
}

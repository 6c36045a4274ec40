package org.stackratings.compliance.conformance.reaper;

import static org.stackratings.compliance.conformance.SecondMark.IMAGE;
import static org.stackratings.compliance.conformance.SecondMark.METADATA;
import static org.stackratings.compliance.conformance.SecondMark.NAME_ONLY;
import static org.stackratings.compliance.conformance.SecondMark.NEUTRON;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.ResourceKind;
import org.stackratings.compliance.conformance.ResourceLedger;
import org.stackratings.compliance.conformance.RunMarker;
import org.stackratings.compliance.conformance.SecondMark;
import org.stackratings.openstack.ApiAnswer;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;
import org.stackratings.openstack.CloudSession;

/**
 * Finds, in a member's project, what conformance runs created: resources whose name is a run's
 * ({@code stackratings-conformance-<run>-...}) and that carry that run's second mark where the API offers one (a
 * server's, volume's or snapshot's metadata, an image's tag (or, for a server snapshot, its property), a Neutron
 * resource's description or tag: {@link SecondMark}, the rule the run's own clean-up uses too). Keypairs have no second
 * field; their second mark is the agency's own record of the run (checked by the reaper). The router
 * interfaces of a run's routers are found from the ports of those routers.
 */
final class LeftoverSearch {

    private record Listing(ResourceKind kind, CloudService service, String path, String field,
                           Function<JsonNode, JsonNode> item, SecondMark mark) {
    }

    private static final List<Listing> LISTINGS = List.of(
            new Listing(ResourceKind.SERVER, CloudService.COMPUTE, "/servers/detail", "servers", i -> i, METADATA),
            new Listing(ResourceKind.PORT, CloudService.NETWORK, "/v2.0/ports", "ports", i -> i, NEUTRON),
            new Listing(ResourceKind.ROUTER, CloudService.NETWORK, "/v2.0/routers", "routers", i -> i, NEUTRON),
            new Listing(ResourceKind.SUBNET, CloudService.NETWORK, "/v2.0/subnets", "subnets", i -> i, NEUTRON),
            new Listing(ResourceKind.NETWORK, CloudService.NETWORK, "/v2.0/networks", "networks", i -> i, NEUTRON),
            new Listing(ResourceKind.SUBNET_POOL, CloudService.NETWORK, "/v2.0/subnetpools", "subnetpools", i -> i,
                    NEUTRON),
            new Listing(ResourceKind.SECURITY_GROUP, CloudService.NETWORK, "/v2.0/security-groups", "security_groups",
                    i -> i, NEUTRON),
            new Listing(ResourceKind.SNAPSHOT, CloudService.VOLUME, "/snapshots/detail", "snapshots", i -> i, METADATA),
            new Listing(ResourceKind.VOLUME, CloudService.VOLUME, "/volumes/detail", "volumes", i -> i, METADATA),
            new Listing(ResourceKind.IMAGE, CloudService.IMAGE, "/v2/images?limit=1000", "images", i -> i, IMAGE),
            new Listing(ResourceKind.KEYPAIR, CloudService.COMPUTE, "/os-keypairs", "keypairs", i -> i.path("keypair"),
                    NAME_ONLY));

    private LeftoverSearch() {
    }

    /** Every run's marked resources, by run. A listing the cloud does not answer is skipped (the next pass tries again). */
    static Map<UUID, ResourceLedger> find(CloudSession session) {
        Map<UUID, ResourceLedger> found = new HashMap<>();
        Map<String, UUID> routers = new HashMap<>();
        for (Listing listing : LISTINGS) {
            if (!session.offers(listing.service())) {
                continue;
            }
            ApiAnswer answer = session.call(ApiCall.get(listing.service(), listing.path()));
            if (answer.status() != 200) {
                continue;
            }
            for (JsonNode entry : CheckContext.json(answer).path(listing.field())) {
                JsonNode resource = listing.item().apply(entry);
                String name = resource.path("name").asText("");
                Optional<UUID> run = RunMarker.runOf(name);
                if (run.isEmpty() || !listing.mark().carries(resource, run.get())) {
                    continue;
                }
                String id = listing.kind() == ResourceKind.KEYPAIR ? name : resource.path("id").asText();
                found.computeIfAbsent(run.get(), r -> new ResourceLedger()).add(listing.kind(), id);
                if (listing.kind() == ResourceKind.ROUTER) {
                    routers.put(id, run.get());
                }
            }
        }
        if (!routers.isEmpty()) {
            addRouterInterfaces(session, routers, found);
        }
        return found;
    }

    private static void addRouterInterfaces(CloudSession session, Map<String, UUID> routers,
                                            Map<UUID, ResourceLedger> found) {
        ApiAnswer ports = session.call(ApiCall.get(CloudService.NETWORK,
                "/v2.0/ports?device_owner=network:router_interface"));
        if (ports.status() != 200) {
            return;
        }
        for (JsonNode port : CheckContext.json(ports).path("ports")) {
            UUID run = routers.get(port.path("device_id").asText());
            if (run == null) {
                continue;
            }
            for (JsonNode ip : port.path("fixed_ips")) {
                found.get(run).addOnce(ResourceKind.ROUTER_INTERFACE, ResourceKind.id(port.path("device_id").asText(),
                        ip.path("subnet_id").asText()));
            }
        }
    }
}

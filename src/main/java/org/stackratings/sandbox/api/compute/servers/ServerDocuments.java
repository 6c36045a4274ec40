package org.stackratings.sandbox.api.compute.servers;

import org.stackratings.sandbox.api.ServiceTime;
import org.stackratings.sandbox.api.compute.ComputeApi;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.api.compute.servers.ports.ServerPorts;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.CloudInventory;
import org.stackratings.sandbox.state.SimulatedServer;

/**
 * The JSON documents of Nova servers, as one request (its cloud, base URL and microversion) sees them: the detailed
 * server, the summary of a list, the answer to a create, the links.
 */
public final class ServerDocuments {


    private final ApiRequest req;
    private final Microversion mv;

    public ServerDocuments(ApiRequest req) {
        this.req = req;
        this.mv = ComputeApi.microversion(req);
    }

    /** The URL of the server under {@code /v2.1}, its {@code self} link and a create's {@code Location}. */
    public String selfHref(String id) {
        return req.serviceBase() + "/v2.1/servers/" + id;
    }

    public JsonArray links(String id) {
        return new JsonArray()
                .add(new JsonObject().put("rel", "self").put("href", selfHref(id)))
                .add(new JsonObject().put("rel", "bookmark").put("href", req.serviceBase() + "/servers/" + id));
    }

    /** The server in a plain list: id, name, links. */
    public JsonObject summary(SimulatedServer s) {
        return new JsonObject().put("id", s.id()).put("name", s.name()).put("links", links(s.id()));
    }

    /** The answer to a create: the first server's id, links and admin password. */
    public JsonObject created(SimulatedServer first, List<String> securityGroups) {
        JsonArray groups = new JsonArray();
        securityGroups.forEach(g -> groups.add(new JsonObject().put("name", g)));
        return new JsonObject().put("server", new JsonObject()
                .put("id", first.id())
                .put("links", links(first.id()))
                .put("OS-DCF:diskConfig", first.details().diskConfig())
                .put("security_groups", groups)
                .put("adminPass", first.adminPass()));
    }

    /** The answer to a create with {@code return_reservation_id}. */
    public JsonObject reservation(SimulatedServer first) {
        return new JsonObject().put("reservation_id", first.details().reservationId());
    }

    /** The server as show and the detailed list give it, with the fields of the request's microversion. */
    public JsonObject detail(SimulatedServer s) {
        boolean building = "BUILD".equals(s.status());
        JsonArray groups = new JsonArray();
        s.securityGroups().forEach(g -> groups.add(new JsonObject().put("name", g)));
        int powerState = switch (s.vmState()) {
            case "active" -> 1;
            case "stopped" -> 4;
            default -> 0;
        };
        JsonObject json = core(s, true)
                .put("OS-EXT-AZ:availability_zone", building ? "" : s.details().availabilityZone())
                .put("config_drive", "")
                .put("key_name", s.keyName())
                .put("OS-SRV-USG:launched_at", s.details().launchedAt() == null ? null
                        : ServiceTime.format(s.details().launchedAt()))
                .putNull("OS-SRV-USG:terminated_at")
                .put("OS-EXT-STS:task_state", s.taskState())
                .put("OS-EXT-STS:vm_state", s.vmState())
                .put("OS-EXT-STS:power_state", powerState)
                .put("os-extended-volumes:volumes_attached", volumesAttached(s.id()));
        if (!groups.isEmpty()) {
            json.put("security_groups", groups);
        }
        return versioned(s, json);
    }

    /**
     * The server as update ({@code rebuild} false) and rebuild answer it: before 2.75 without the extended
     * attributes (availability zone, states, usage, key, security groups, volumes) and with plain addresses, the
     * rebuild with {@code key_name} from 2.54 and {@code user_data} from 2.57; from 2.75 as {@link #detail}.
     */
    public JsonObject changed(SimulatedServer s, boolean rebuild) {
        if (mv.atLeast(2, 75)) {
            JsonObject json = detail(s);
            return rebuild ? json.putNull("user_data") : json;
        }
        JsonObject json = versioned(s, core(s, false));
        if (rebuild && mv.atLeast(2, 54)) {
            json.put("key_name", s.keyName());
        }
        if (rebuild && mv.atLeast(2, 57)) {
            json.putNull("user_data");
        }
        return json;
    }

    /** The fields every view of a server has. */
    /** The statuses whose view has {@code progress}, as in Nova's server view builder. */
    private static final Set<String> PROGRESS_STATUSES = Set.of("ACTIVE", "BUILD", "REBUILD", "RESIZE",
            "VERIFY_RESIZE", "MIGRATING");

    /** The Cinder volumes attached to the server ({@code delete_on_termination} from 2.3). */
    private JsonArray volumesAttached(String serverId) {
        boolean deleteFlag = ComputeApi.microversion(req).atLeast(2, 3);
        JsonArray list = new JsonArray();
        req.cloud().volumes().attachedTo(serverId, req.now()).forEach(a -> {
            JsonObject one = new JsonObject().put("id", a.volumeId());
            list.add(deleteFlag ? one.put("delete_on_termination", a.deleteOnTermination()) : one);
        });
        return list;
    }

    /** The creating user's id; servers made outside the API (a null user) belong to the cloud's first user. */
    private String userId(SimulatedServer s) {
        if (s.details().userId() != null) {
            return s.details().userId();
        }
        return req.profile().users().isEmpty() ? null : req.profile().users().get(0).id();
    }

    private JsonObject core(SimulatedServer s, boolean extendedAddresses) {
        boolean building = "BUILD".equals(s.status());
        Object image = s.imageId().isEmpty() ? "" : new JsonObject().put("id", s.imageId()).put("links",
                new JsonArray().add(new JsonObject().put("rel", "bookmark")
                        .put("href", req.serviceBase() + "/images/" + s.imageId())));
        JsonObject json = new JsonObject()
                .put("id", s.id())
                .put("name", s.name())
                .put("status", s.status())
                .put("tenant_id", req.profile().project().id())
                .put("user_id", userId(s))
                .put("metadata", new JsonObject(new LinkedHashMap<>(s.metadata())))
                .put("hostId", building ? "" : CloudProfile.derivedId("host:" + req.cloud().name()))
                .put("image", image)
                .put("flavor", flavor(s.flavorId()))
                .put("created", timestamp(s.created()))
                .put("updated", timestamp(s.updated()))
                .put("addresses", addresses(s, extendedAddresses))
                .put("accessIPv4", s.accessIPv4() == null ? "" : s.accessIPv4())
                .put("accessIPv6", s.accessIPv6() == null ? "" : s.accessIPv6())
                .put("links", links(s.id()))
                .put("OS-DCF:diskConfig", s.details().diskConfig());
        if (PROGRESS_STATUSES.contains(s.status())) {
            json.put("progress", 0);
        }
        if (s.fault() != null) {
            json.put("fault", new JsonObject().put("code", s.fault().code()).put("message", s.fault().message())
                    .put("created", timestamp(s.fault().created())));
        }
        return json;
    }

    /** Adds the fields of later microversions: lock, description, tags, certificates, server groups. */
    private JsonObject versioned(SimulatedServer s, JsonObject json) {
        if (mv.atLeast(2, 9)) {
            json.put("locked", s.details().locked());
        }
        if (mv.atLeast(2, 19)) {
            json.put("description", s.details().description());
        }
        if (mv.atLeast(2, 26)) {
            json.put("tags", new JsonArray(s.details().tags()));
        }
        if (mv.atLeast(2, 63)) {
            json.putNull("trusted_image_certificates");
        }
        if (mv.atLeast(2, 71)) {
            JsonArray groups = new JsonArray();
            req.cloud().serverGroups().list(id -> true).stream().filter(g -> g.members().contains(s.id()))
                    .findFirst().ifPresent(g -> groups.add(g.id()));
            json.put("server_groups", groups);
        }
        if (mv.atLeast(2, 73)) {
            json.put("locked_reason", s.details().lockedReason());
        }
        return json;
    }

    /**
     * The addresses of a server by network name ({@code /ips} and the detail's {@code addresses}): none while it
     * builds; with the {@code OS-EXT-IPS} fields in the detail only.
     */
    public JsonObject addresses(SimulatedServer s, boolean extended) {
        if ("BUILD".equals(s.status())) {
            return new JsonObject();
        }
        return new ServerPorts(req).addresses(s.id(), extended);
    }

    /** The fixed addresses of a server (none while it builds), as the {@code ip} filter of a list sees them. */
    List<String> fixedAddresses(SimulatedServer s) {
        List<String> all = new java.util.ArrayList<>();
        JsonObject addresses = addresses(s, false);
        for (String network : addresses.fieldNames()) {
            addresses.getJsonArray(network).forEach(a -> all.add(((JsonObject) a).getString("addr")));
        }
        return all;
    }

    /** The flavor of a server: a link before 2.47, the flavor's values from 2.47 on. */
    private JsonObject flavor(String flavorId) {
        Optional<CloudInventory.Flavor> flavor = req.inventory().flavor(flavorId);
        if (!mv.atLeast(2, 47) || flavor.isEmpty()) {
            return new JsonObject().put("id", flavorId).put("links", new JsonArray().add(new JsonObject()
                    .put("rel", "bookmark").put("href", req.serviceBase() + "/flavors/" + flavorId)));
        }
        CloudInventory.Flavor f = flavor.get();
        return new JsonObject().put("vcpus", f.vcpus()).put("ram", f.ramMb()).put("disk", f.diskGb())
                .put("ephemeral", 0).put("swap", 0).put("original_name", f.name())
                .put("extra_specs", new JsonObject());
    }

    private static String timestamp(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

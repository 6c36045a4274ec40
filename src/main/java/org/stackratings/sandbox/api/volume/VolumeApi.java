package org.stackratings.sandbox.api.volume;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.OpenStackService;
import org.stackratings.sandbox.routing.ServiceApi;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.CloudInventory;

/**
 * Cinder v3 under {@code /{cloud}/volume}: versions, volumes (list and detail with filters and paging, show, update of
 * an unknown id), availability zones and extensions, with microversion negotiation (3.0 .. 3.70). The seeded volumes
 * are read-only: updating one is refused by policy (403).
 */
public final class VolumeApi implements ServiceApi {

    public static final Microversion MIN = new Microversion(3, 0);
    public static final Microversion MAX = new Microversion(3, 70);

    @Override
    public OpenStackService service() {
        return OpenStackService.VOLUME;
    }

    @Override
    public void register(ServiceRoutes routes) {
        routes.filter("/v3(?:/.*)?", this::negotiate);
        routes.getOpen("", this::versions);
        routes.getOpen("/", this::versions);
        routes.getOpen("/v3", this::version);
        routes.getOpen("/v3/", this::version);
        routes.get("/v3/:project_id/volumes", req -> volumes(req, false));
        routes.get("/v3/:project_id/volumes/detail", req -> volumes(req, true));
        routes.get("/v3/:project_id/volumes/:volume_id", this::volume);
        routes.route(HttpMethod.PUT, "/v3/:project_id/volumes/:volume_id", true, this::updateVolume);
        routes.get("/v3/:project_id/os-availability-zone", this::availabilityZones);
        routes.get("/v3/:project_id/extensions", this::extensions);
    }

    private void negotiate(RoutingContext ctx) {
        Microversion version;
        try {
            version = Microversion.requested(ctx.request().getHeader("OpenStack-API-Version"), "volume", MAX)
                    .orElse(MIN);
        } catch (IllegalArgumentException e) {
            fail(ctx, 400, "Invalid API version: " + e.getMessage());
            return;
        }
        if (!version.within(MIN, MAX)) {
            fail(ctx, 406, "Version " + version + " is not supported by the API. Minimum is " + MIN
                    + " and maximum is " + MAX + ".");
            return;
        }
        ctx.response().putHeader("OpenStack-API-Version", "volume " + version).putHeader("Vary",
                "OpenStack-API-Version");
        ctx.next();
    }

    private static void fail(RoutingContext ctx, int status, String message) {
        ApiRequest.send(ctx, status, OpenStackService.VOLUME.errorBody(status, message));
    }

    private JsonObject versionDoc(ApiRequest req) {
        return new JsonObject()
                .put("id", "v3.0")
                .put("status", "CURRENT")
                .put("version", MAX.toString())
                .put("min_version", MIN.toString())
                .put("updated", "2023-08-31T00:00:00Z")
                .put("links", new JsonArray()
                        .add(new JsonObject().put("rel", "describedby").put("type", "text/html")
                                .put("href", "https://docs.openstack.org/"))
                        .add(new JsonObject().put("rel", "self").put("href", req.serviceBase() + "/v3/")))
                .put("media-types", new JsonArray().add(new JsonObject().put("base", "application/json")
                        .put("type", "application/vnd.openstack.volume+json;version=3")));
    }

    private void versions(ApiRequest req) {
        req.reply(300, new JsonObject().put("versions", new JsonArray().add(versionDoc(req))));
    }

    private void version(ApiRequest req) {
        req.ok(new JsonObject().put("versions", new JsonArray().add(versionDoc(req))));
    }

    /** Cinder scopes its URLs to the project; another project's URL is refused. */
    private static boolean wrongProject(ApiRequest req) {
        if (!req.param("project_id").equals(req.token().projectId())) {
            req.fail(403, "Policy doesn't allow volume:get_all to be performed.");
            return true;
        }
        return false;
    }

    private static JsonObject volumeJson(ApiRequest req, CloudInventory.Volume v, boolean detail) {
        String base = req.serviceBase() + "/v3/" + req.profile().project().id() + "/volumes/" + v.id();
        JsonObject json = new JsonObject().put("id", v.id()).put("name", v.name())
                .put("links", new JsonArray()
                        .add(new JsonObject().put("rel", "self").put("href", base))
                        .add(new JsonObject().put("rel", "bookmark").put("href", base)));
        if (!detail) {
            return json;
        }
        json.put("status", v.status())
                .put("size", v.sizeGb())
                .put("availability_zone", "nova")
                .put("created_at", "2026-01-01T00:00:00.000000")
                .put("updated_at", "2026-01-01T00:00:00.000000")
                .put("attachments", new JsonArray())
                .put("bootable", String.valueOf(v.bootable()))
                .put("encrypted", false)
                .putNull("description")
                .put("volume_type", "lvmdriver-1")
                .putNull("snapshot_id")
                .putNull("source_volid")
                .put("metadata", new JsonObject())
                .put("user_id", req.profile().users().isEmpty() ? null : req.profile().users().get(0).id())
                .put("os-vol-tenant-attr:tenant_id", req.profile().project().id())
                .put("multiattach", false)
                .putNull("replication_status")
                .putNull("consistencygroup_id");
        if (v.imageId() != null) {
            json.put("volume_image_metadata", new JsonObject().put("image_id", v.imageId()));
        }
        return json;
    }

    private void volumes(ApiRequest req, boolean detail) {
        if (wrongProject(req)) {
            return;
        }
        List<CloudInventory.Volume> volumes = new ArrayList<>(req.inventory().volumes());
        // Cinder filters on these attributes; an unknown value simply matches nothing
        volumes.removeIf(v -> req.query("name") != null && !req.query("name").equals(v.name()));
        volumes.removeIf(v -> req.query("status") != null && !req.query("status").equals(v.status()));
        volumes.removeIf(v -> req.query("availability_zone") != null
                && !"nova".equals(req.query("availability_zone")));
        volumes.removeIf(v -> req.query("bootable") != null
                && !String.valueOf(v.bootable()).equalsIgnoreCase(req.query("bootable")));
        String marker = req.query("marker");
        if (marker != null) {
            int at = volumes.stream().map(CloudInventory.Volume::id).toList().indexOf(marker);
            if (at < 0) {
                req.fail(404, "Marker volume " + marker + " could not be found.");
                return;
            }
            volumes = new ArrayList<>(volumes.subList(at + 1, volumes.size()));
        }
        JsonObject body = new JsonObject();
        String limitText = req.query("limit");
        if (limitText != null) {
            int limit;
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                req.fail(400, "Invalid input received: limit param must be an integer");
                return;
            }
            if (limit < 0) {
                req.fail(400, "Invalid input received: limit param must be positive");
                return;
            }
            if (volumes.size() > limit) {
                volumes = volumes.subList(0, limit);
                if (limit > 0) {
                    body.put("volumes_links", new JsonArray().add(new JsonObject().put("rel", "next")
                            .put("href", req.serviceBase() + "/v3/" + req.param("project_id") + "/volumes"
                                    + (detail ? "/detail" : "") + "?limit=" + limit + "&marker="
                                    + volumes.get(limit - 1).id())));
                }
            }
        }
        JsonArray list = new JsonArray();
        volumes.forEach(v -> list.add(volumeJson(req, v, detail)));
        req.ok(body.put("volumes", list));
    }

    private void updateVolume(ApiRequest req) {
        if (wrongProject(req)) {
            return;
        }
        JsonObject body = req.jsonBody();
        if (body == null || !(body.getValue("volume") instanceof JsonObject)) {
            req.fail(400, "Invalid input for field/attribute volume. 'volume' is a required property");
            return;
        }
        String id = req.param("volume_id");
        if (req.inventory().volume(id).isEmpty()) {
            req.fail(404, "Volume " + id + " could not be found.");
            return;
        }
        req.fail(403, "Policy doesn't allow volume:update to be performed.");
    }

    private void volume(ApiRequest req) {
        if (wrongProject(req)) {
            return;
        }
        String id = req.param("volume_id");
        Optional<CloudInventory.Volume> volume = req.inventory().volume(id);
        volume.ifPresentOrElse(
                v -> req.ok(new JsonObject().put("volume", volumeJson(req, v, true))),
                () -> req.fail(404, "Volume " + id + " could not be found."));
    }

    private void availabilityZones(ApiRequest req) {
        req.ok(new JsonObject().put("availabilityZoneInfo", new JsonArray().add(new JsonObject()
                .put("zoneName", "nova")
                .put("zoneState", new JsonObject().put("available", true)))));
    }

    private static final List<String[]> EXTENSIONS = List.of(
            new String[] {"os-availability-zone", "AvailabilityZones", "Describe Availability Zones."},
            new String[] {"os-extended-snapshot-attributes", "ExtendedSnapshotAttributes",
                "Extended SnapshotAttributes support."},
            new String[] {"os-vol-tenant-attr", "VolumeTenantAttribute",
                "Expose the internal project_id as an attribute of a volume."},
            new String[] {"os-vol-image-meta", "VolumeImageMetadata", "Show image metadata associated with the volume."},
            new String[] {"os-types-manage", "TypesManage", "Types manage support."},
            new String[] {"os-quota-sets", "Quotas", "Quota management support."},
            new String[] {"backups", "Backups", "Backups support."},
            new String[] {"os-volume-actions", "VolumeActions", "Enable volume actions."});

    private void extensions(ApiRequest req) {
        if (wrongProject(req)) {
            return;
        }
        JsonArray list = new JsonArray();
        for (String[] e : EXTENSIONS) {
            list.add(new JsonObject().put("alias", e[0]).put("name", e[1]).put("description", e[2])
                    .put("updated", "2013-01-01T00:00:00+00:00").put("links", new JsonArray()));
        }
        req.ok(new JsonObject().put("extensions", list));
    }
}

package org.stackratings.sandbox.api.volume;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.OpenStackService;
import org.stackratings.sandbox.routing.ServiceApi;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.api.volume.actions.VolumeActionsApi;
import org.stackratings.sandbox.api.volume.quotas.QuotaSetsApi;
import org.stackratings.sandbox.api.volume.types.VolumeTypesApi;
import org.stackratings.sandbox.api.volume.snapshots.SnapshotsApi;
import org.stackratings.sandbox.api.volume.volumes.VolumesApi;

/**
 * Cinder v3 under {@code /{cloud}/volume}: versions, volumes ({@link VolumesApi}: create, list, show, update, delete,
 * summary, metadata), volume actions ({@link VolumeActionsApi}), snapshots ({@link SnapshotsApi}), volume types, quota sets and limits, availability zones and extensions, with microversion
 * negotiation (3.0 .. 3.70).
 */
public final class VolumeApi implements ServiceApi {

    public static final Microversion MIN = new Microversion(3, 0);
    public static final Microversion MAX = new Microversion(3, 70);

    private final VolumesApi volumes = new VolumesApi();
    private final VolumeActionsApi actions = new VolumeActionsApi();
    private final SnapshotsApi snapshots = new SnapshotsApi();
    private final QuotaSetsApi quotas = new QuotaSetsApi();
    private final VolumeTypesApi types = new VolumeTypesApi();

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
        volumes.register(routes);
        actions.register(routes);
        snapshots.register(routes);
        quotas.register(routes);
        types.register(routes);
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
        ctx.put(CinderScope.VERSION_KEY, version);
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

    private void availabilityZones(ApiRequest req) {
        req.ok(new JsonObject().put("availabilityZoneInfo", new JsonArray().add(new JsonObject()
                .put("zoneName", "nova")
                .put("zoneState", new JsonObject().put("available", true)))));
    }

    /**
     * Only what this API implements: availability zones, quota sets, volume actions, the two snapshot and the two
     * volume attributes it shows.
     */
    private static final List<String[]> EXTENSIONS = List.of(
            new String[] {"os-availability-zone", "AvailabilityZones", "Describe Availability Zones."},
            new String[] {"os-quota-sets", "Quotas", "Quota management support."},
            new String[] {"os-volume-actions", "VolumeActions", "Enable volume actions."},
            new String[] {"os-extended-snapshot-attributes", "ExtendedSnapshotAttributes",
                "Extended SnapshotAttributes support."},
            new String[] {"os-vol-tenant-attr", "VolumeTenantAttribute",
                "Expose the internal project_id as an attribute of a volume."},
            new String[] {"os-vol-image-meta", "VolumeImageMetadata", "Show image metadata associated with the volume."});

    private void extensions(ApiRequest req) {
        if (CinderScope.wrongProject(req, "volume_extension:extensions")) {
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

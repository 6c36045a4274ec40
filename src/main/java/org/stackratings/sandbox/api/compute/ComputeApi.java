package org.stackratings.sandbox.api.compute;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.api.compute.groups.ServerGroupsApi;
import org.stackratings.sandbox.api.compute.images.ImageProxyApi;
import org.stackratings.sandbox.api.compute.quotas.QuotasApi;
import org.stackratings.sandbox.api.compute.servers.ServerApi;
import org.stackratings.sandbox.api.compute.volumes.SnapshotProxyApi;
import org.stackratings.sandbox.api.compute.volumes.VolumeAttachmentsApi;
import org.stackratings.sandbox.api.compute.volumes.VolumeProxyApi;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.OpenStackService;
import org.stackratings.sandbox.routing.ServiceApi;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.CloudInventory;

/**
 * Nova v2.1 under {@code /{cloud}/compute}: versions, flavors, the image proxy ({@link ImageProxyApi}), servers ({@link ServerApi}),
 * volume attachments, the volume and snapshot proxies ({@link VolumeProxyApi}, {@link SnapshotProxyApi}), availability
 * zones, limits, quota sets and keypairs, with microversion negotiation (2.1 .. 2.90). An optional {@code /{project_id}} after
 * {@code /v2.1} is accepted, as real Nova does.
 */
public final class ComputeApi implements ServiceApi {

    public static final Microversion MIN = new Microversion(2, 1);
    public static final Microversion MAX = new Microversion(2, 90);
    private static final String VERSION_KEY = "sandbox.compute.microversion";

    private final VolumeAttachmentsApi volumeAttachmentsApi = new VolumeAttachmentsApi();
    private final VolumeProxyApi volumeProxyApi = new VolumeProxyApi();
    private final SnapshotProxyApi snapshotProxyApi = new SnapshotProxyApi();
    private final ServerApi serverApi = new ServerApi();
    private final KeypairApi keypairApi = new KeypairApi();
    private final ServerGroupsApi serverGroupsApi = new ServerGroupsApi();
    private final QuotasApi quotasApi = new QuotasApi();
    private final ImageProxyApi imageProxyApi = new ImageProxyApi();
    private final ExtensionsApi extensionsApi = new ExtensionsApi();
    private final TenantNetworksApi tenantNetworksApi = new TenantNetworksApi();

    @Override
    public OpenStackService service() {
        return OpenStackService.COMPUTE;
    }

    @Override
    public void register(ServiceRoutes routes) {
        routes.filter("/v2\\.1(?:/.*)?", this::negotiate);
        routes.getOpen("", this::versions);
        routes.getOpen("/", this::versions);
        routes.getOpen("/v2.1", this::version);
        routes.getOpen("/v2.1/", this::version);
        routes.getOpen("/v2", this::legacyVersion);
        routes.getOpen("/v2/", this::legacyVersion);
        for (String prefix : new String[] {"/v2.1", "/v2.1/:project_id"}) {
            routes.get(prefix + "/flavors", NovaRefusal.answering(req -> flavors(req, false)));
            routes.get(prefix + "/flavors/detail", NovaRefusal.answering(req -> flavors(req, true)));
            routes.get(prefix + "/flavors/:flavor_id", this::flavor);
            routes.get(prefix + "/flavors/:flavor_id/os-extra_specs", this::extraSpecs);
            imageProxyApi.register(routes, prefix);
            extensionsApi.register(routes, prefix);
            tenantNetworksApi.register(routes, prefix);
            serverApi.register(routes, prefix);
            volumeAttachmentsApi.register(routes, prefix);
            volumeProxyApi.register(routes, prefix);
            snapshotProxyApi.register(routes, prefix);
            routes.get(prefix + "/os-availability-zone", this::availabilityZones);
            quotasApi.register(routes, prefix);
            keypairApi.register(routes, prefix);
            serverGroupsApi.register(routes, prefix);
        }
    }

    private void negotiate(RoutingContext ctx) {
        String header = ctx.request().getHeader("OpenStack-API-Version");
        String legacy = ctx.request().getHeader("X-OpenStack-Nova-API-Version");
        Microversion version;
        try {
            version = Microversion.requested(header, "compute", MAX)
                    .or(() -> Optional.ofNullable(legacy).map(v -> Microversion.parse(v, MAX)))
                    .orElse(MIN);
        } catch (IllegalArgumentException e) {
            notAcceptable(ctx, "Invalid format for API version: " + e.getMessage());
            return;
        }
        if (!version.within(MIN, MAX)) {
            notAcceptable(ctx, "Version " + version + " is not supported by the API. Minimum is " + MIN
                    + " and maximum is " + MAX + ".");
            return;
        }
        ctx.put(VERSION_KEY, version);
        ctx.response()
                .putHeader("OpenStack-API-Version", "compute " + version)
                .putHeader("X-OpenStack-Nova-API-Version", version.toString())
                .putHeader("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
        ctx.next();
    }

    private static void notAcceptable(RoutingContext ctx, String message) {
        ApiRequest.send(ctx, 406, OpenStackService.COMPUTE.errorBody(406, message));
    }

    /** The microversion the request negotiated. */
    public static Microversion microversion(ApiRequest req) {
        return req.context().get(VERSION_KEY);
    }

    private static JsonArray links(ApiRequest req, String kind, String id) {
        String base = req.serviceBase();
        return new JsonArray()
                .add(new JsonObject().put("rel", "self").put("href", base + "/v2.1/" + kind + "/" + id))
                .add(new JsonObject().put("rel", "bookmark").put("href", base + "/" + kind + "/" + id));
    }

    private JsonObject versionEntry(ApiRequest req, boolean current) {
        return current
                ? new JsonObject().put("id", "v2.1").put("status", "CURRENT").put("version", MAX.toString())
                        .put("min_version", MIN.toString()).put("updated", "2013-07-23T11:33:21Z")
                        .put("links", new JsonArray().add(new JsonObject().put("rel", "self")
                                .put("href", req.serviceBase() + "/v2.1/")))
                : new JsonObject().put("id", "v2.0").put("status", "SUPPORTED").put("version", "")
                        .put("min_version", "").put("updated", "2011-01-21T11:33:21Z")
                        .put("links", new JsonArray().add(new JsonObject().put("rel", "self")
                                .put("href", req.serviceBase() + "/v2/")));
    }

    private void versions(ApiRequest req) {
        req.ok(new JsonObject().put("versions", new JsonArray()
                .add(versionEntry(req, false))
                .add(versionEntry(req, true))));
    }

    private void version(ApiRequest req) {
        JsonObject v = versionEntry(req, true);
        v.getJsonArray("links").add(new JsonObject().put("rel", "describedby").put("type", "text/html")
                .put("href", "http://docs.openstack.org/"));
        v.put("media-types", new JsonArray().add(new JsonObject().put("base", "application/json")
                .put("type", "application/vnd.openstack.compute+json;version=2.1")));
        req.ok(new JsonObject().put("version", v));
    }

    /** The document of the legacy v2.0 endpoint, which the version list links to. */
    private void legacyVersion(ApiRequest req) {
        JsonObject v = versionEntry(req, false);
        v.getJsonArray("links").add(new JsonObject().put("rel", "describedby").put("type", "text/html")
                .put("href", "http://docs.openstack.org/"));
        v.put("media-types", new JsonArray().add(new JsonObject().put("base", "application/json")
                .put("type", "application/vnd.openstack.compute+json;version=2")));
        req.ok(new JsonObject().put("version", v));
    }

    private JsonObject flavorJson(ApiRequest req, CloudInventory.Flavor f, boolean detail) {
        Microversion mv = microversion(req);
        JsonObject json = new JsonObject().put("id", f.id()).put("name", f.name())
                .put("links", links(req, "flavors", f.id()));
        if (mv.atLeast(2, 55)) {
            json.putNull("description");
        }
        if (!detail) {
            return json;
        }
        json.put("ram", f.ramMb())
                .put("disk", f.diskGb())
                .put("vcpus", f.vcpus())
                .put("OS-FLV-EXT-DATA:ephemeral", 0)
                .put("OS-FLV-DISABLED:disabled", false)
                .put("os-flavor-access:is_public", true)
                .put("rxtx_factor", 1.0);
        if (mv.atLeast(2, 75)) {
            json.put("swap", 0);
        } else {
            json.put("swap", "");
        }
        if (mv.atLeast(2, 61)) {
            json.put("extra_specs", new JsonObject());
        }
        return json;
    }

    private void flavors(ApiRequest req, boolean detail) {
        FlavorListQuery.Page page = FlavorListQuery.of(req).page(req.inventory().flavors());
        JsonArray list = new JsonArray();
        page.flavors().forEach(f -> list.add(flavorJson(req, f, detail)));
        JsonObject body = new JsonObject().put("flavors", list);
        if (page.nextQuery() != null) {
            String next = req.serviceBase() + "/v2.1/flavors" + (detail ? "/detail" : "") + page.nextQuery();
            body.put("flavors_links", new JsonArray().add(new JsonObject().put("rel", "next").put("href", next)));
        }
        req.ok(body);
    }

    private void flavor(ApiRequest req) {
        String id = req.param("flavor_id");
        req.inventory().flavor(id).ifPresentOrElse(
                f -> req.ok(new JsonObject().put("flavor", flavorJson(req, f, true))),
                () -> req.fail(404, "Flavor " + id + " could not be found."));
    }

    private void extraSpecs(ApiRequest req) {
        String id = req.param("flavor_id");
        req.inventory().flavor(id).ifPresentOrElse(
                f -> req.ok(new JsonObject().put("extra_specs", new JsonObject())),
                () -> req.fail(404, "Flavor " + id + " could not be found."));
    }

    private void availabilityZones(ApiRequest req) {
        req.ok(new JsonObject().put("availabilityZoneInfo", new JsonArray().add(new JsonObject()
                .put("zoneName", "nova")
                .put("zoneState", new JsonObject().put("available", true))
                .putNull("hosts"))));
    }
}

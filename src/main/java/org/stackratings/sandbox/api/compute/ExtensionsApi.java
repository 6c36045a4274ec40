package org.stackratings.sandbox.api.compute;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;

/**
 * Nova's legacy extension list ({@code GET /extensions}, {@code GET /extensions/{alias}}): since v2.1 a fixed list
 * kept for old clients, which names what v2.1 has built in. The sandbox lists the ones whose API it serves, and the
 * few that every v2.1 lists (such as {@code Hosts} and {@code os-consoles}) whatever the deployment.
 */
final class ExtensionsApi {

    private record Extension(String name, String alias, String description) {
    }

    private static final String UPDATED = "2014-12-03T00:00:00Z";
    private static final List<Extension> EXTENSIONS = List.of(
            new Extension("AccessIPs", "os-access-ips", "Access IPs support."),
            new Extension("AvailabilityZone", "os-availability-zone", "1. Add availability_zone to the Create Server API."),
            new Extension("ConsoleOutput", "os-console-output", "Console log output support."),
            new Extension("Consoles", "os-consoles", "Interactive Console support."),
            new Extension("CreateBackup", "os-create-backup", "Create a backup of a server."),
            new Extension("DiskConfig", "os-disk-config", "Disk Management Extension."),
            new Extension("ExtendedIps", "OS-EXT-IPS", "Adds type parameter to the ip list."),
            new Extension("ExtendedIpsMac", "OS-EXT-IPS-MAC", "Adds mac address parameter to the ip list."),
            new Extension("ExtendedStatus", "OS-EXT-STS", "Extended Status support."),
            new Extension("ExtendedVolumes", "os-extended-volumes", "Extended Volumes support."),
            new Extension("FlavorExtraData", "OS-FLV-EXT-DATA", "Provide additional data for flavors."),
            new Extension("FlavorExtraSpecs", "os-flavor-extra-specs", "Flavors extra specs support."),
            new Extension("Hosts", "os-hosts", "Admin-only host administration."),
            new Extension("ImageSize", "OS-EXT-IMG-SIZE", "Adds image size to image listings."),
            new Extension("InstanceActions", "os-instance-actions", "View a log of actions and events taken on an instance."),
            new Extension("Keypairs", "os-keypairs", "Keypair Support."),
            new Extension("Limits", "limits", "Limits support."),
            new Extension("Quotas", "os-quota-sets", "Quotas management support."),
            new Extension("SchedulerHints", "OS-SCH-HNT", "Pass arbitrary key/value pairs to the scheduler."),
            new Extension("SecurityGroups", "os-security-groups", "Security group support."),
            new Extension("ServerGroups", "os-server-groups", "Server group support."),
            new Extension("ServerUsage", "OS-SRV-USG", "Adds launched_at and terminated_at on Servers."),
            new Extension("Servers", "servers", "Servers."),
            new Extension("TenantNetworks", "os-tenant-networks", "Tenant-based Network Management Extension."),
            new Extension("Volumes", "os-volumes", "Volumes support."),
            new Extension("AttachInterfaces", "os-attach-interfaces", "Attach interface support."));

    void register(ServiceRoutes routes, String prefix) {
        routes.get(prefix + "/extensions", this::list);
        routes.get(prefix + "/extensions/:alias", this::show);
    }

    private static JsonObject json(Extension e) {
        return new JsonObject().put("name", e.name()).put("alias", e.alias()).put("description", e.description())
                .put("namespace", "http://docs.openstack.org/compute/ext/fake_xml").put("updated", UPDATED)
                .put("links", new JsonArray());
    }

    private void list(ApiRequest req) {
        JsonArray list = new JsonArray();
        EXTENSIONS.forEach(e -> list.add(json(e)));
        req.ok(new JsonObject().put("extensions", list));
    }

    private void show(ApiRequest req) {
        String alias = req.param("alias");
        EXTENSIONS.stream().filter(e -> e.alias().equals(alias)).findFirst().ifPresentOrElse(
                e -> req.ok(new JsonObject().put("extension", json(e))),
                () -> req.fail(404, "The resource could not be found."));
    }
}

package org.stackratings.sandbox.api.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.state.SimulatedCloud;

/**
 * The Keystone v3 service catalog of a cloud: one entry per catalog type of each offered service, each with a public,
 * an internal and an admin endpoint in the cloud's region. Block storage is listed as {@code block-storage} and as
 * {@code volumev3}, like current DevStack.
 */
final class ServiceCatalog {

    private record Entry(String service, String type, String name, String path) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("identity", "identity", "keystone", "/identity"),
            new Entry("compute", "compute", "nova", "/compute/v2.1"),
            new Entry("image", "image", "glance", "/image"),
            new Entry("network", "network", "neutron", "/network"),
            new Entry("volume", "block-storage", "cinder", "/volume/v3/{project_id}"),
            new Entry("volume", "volumev3", "cinderv3", "/volume/v3/{project_id}"));

    private static final List<String> INTERFACES = List.of("public", "internal", "admin");

    private ServiceCatalog() {
    }

    /** The catalog for {@code cloud}, its URLs under {@code base} ({@code http://host:port/{cloud}}). */
    public static JsonArray of(SimulatedCloud cloud, String base) {
        return of(cloud, service -> base);
    }

    /** The catalog for {@code cloud}, the URLs of each service (a profile service key) under {@code baseOf}'s base. */
    public static JsonArray of(SimulatedCloud cloud, Function<String, String> baseOf) {
        CloudProfile profile = cloud.profile();
        JsonArray catalog = new JsonArray();
        for (Entry entry : ENTRIES) {
            if (!profile.offers(entry.service())) {
                continue;
            }
            String url = baseOf.apply(entry.service()) + entry.path().replace("{project_id}", profile.project().id());
            JsonArray endpoints = new JsonArray();
            for (String iface : INTERFACES) {
                endpoints.add(new JsonObject()
                        .put("id", CloudProfile.derivedId("endpoint:" + cloud.name() + ":" + entry.type() + ":" + iface))
                        .put("interface", iface)
                        .put("region", profile.region())
                        .put("region_id", profile.region())
                        .put("url", url));
            }
            catalog.add(new JsonObject()
                    .put("endpoints", endpoints)
                    .put("id", CloudProfile.derivedId("service:" + cloud.name() + ":" + entry.type()))
                    .put("type", entry.type())
                    .put("name", entry.name()));
        }
        return catalog;
    }
}

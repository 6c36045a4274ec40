package org.stackratings.compliance.conformance.checks;

import static org.stackratings.openstack.CloudService.COMPUTE;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;
import org.stackratings.compliance.conformance.RunMarker;
import org.stackratings.openstack.ApiCall;

/**
 * Nova server metadata on the run's shared server: list, get one item, set all (replace) and one item, update
 * (merge), delete one item. The run's marker ({@value RunMarker#KEY}) stays in the metadata throughout. Each check
 * reads back what it wrote item by item, so that a cloud whose list is wrong fails only the list.
 */
@ApplicationScoped
class ServerMetadataChecks implements CheckGroup {

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.of(
                "compute-servers-metadata-list", ServerMetadataChecks::list,
                "compute-servers-metadata-get", ServerMetadataChecks::get,
                "compute-servers-metadata-set", ServerMetadataChecks::set,
                "compute-servers-metadata-update", ServerMetadataChecks::update,
                "compute-servers-metadata-delete", ServerMetadataChecks::delete);
    }

    private static void list(CheckContext context) {
        JsonNode metadata = metadata(context, context.fixture().server());
        context.require(context.marker().runId().toString().equals(metadata.path(RunMarker.KEY).asText()),
                "the server's metadata does not include what it was booted with");
    }

    private static void get(CheckContext context) {
        String server = context.fixture().server();
        JsonNode meta = context.expectJson(ApiCall.get(COMPUTE, path(server) + "/" + RunMarker.KEY),
                "one metadata item", 200).path("meta");
        context.require(context.marker().runId().toString().equals(meta.path(RunMarker.KEY).asText()),
                "the item shown is not the server's");
        context.expect(ApiCall.get(COMPUTE, path(server) + "/no-such-key"), "an item that does not exist is not found",
                404);
    }

    private static void set(CheckContext context) {
        String server = context.fixture().server();
        String run = context.marker().runId().toString();
        JsonNode replaced = context.expectJson(ApiCall.of(COMPUTE, "PUT", path(server),
                "{\"metadata\":{\"" + RunMarker.KEY + "\":\"" + run + "\",\"set\":\"all\"}}"),
                "the metadata is replaced", 200).path("metadata");
        context.require(replaced.size() == 2 && "all".equals(replaced.path("set").asText()),
                "the answer does not show exactly the metadata set");
        context.expectJson(ApiCall.of(COMPUTE, "PUT", path(server) + "/item", "{\"meta\":{\"item\":\"one\"}}"),
                "one item is set", 200);
        context.require("one".equals(item(context, server, "item")) && "all".equals(item(context, server, "set")),
                "the metadata does not hold what was set");
    }

    private static void update(CheckContext context) {
        String server = context.fixture().server();
        context.expectJson(ApiCall.of(COMPUTE, "POST", path(server), "{\"metadata\":{\"merged\":\"yes\"}}"),
                "the metadata is merged", 200);
        context.require("yes".equals(item(context, server, "merged"))
                        && context.marker().runId().toString().equals(item(context, server, RunMarker.KEY)),
                "the update did not merge into the existing metadata");
    }

    private static void delete(CheckContext context) {
        String server = context.fixture().server();
        context.expectJson(ApiCall.of(COMPUTE, "PUT", path(server) + "/doomed", "{\"meta\":{\"doomed\":\"x\"}}"),
                "an item is set", 200);
        context.expect(ApiCall.of(COMPUTE, "DELETE", path(server) + "/doomed", null), "the item is deleted", 204);
        context.expect(ApiCall.get(COMPUTE, path(server) + "/doomed"), "the deleted item is gone", 404);
    }

    private static JsonNode metadata(CheckContext context, String server) {
        JsonNode metadata = context.expectJson(ApiCall.get(COMPUTE, path(server)), "the server's metadata", 200)
                .path("metadata");
        context.require(metadata.isObject(), "the answer has no 'metadata' object");
        return metadata;
    }

    /** One item's value, read on its own ({@code GET .../metadata/{key}}), or null when the cloud has none. */
    private static String item(CheckContext context, String server, String key) {
        JsonNode meta = context.expectJson(ApiCall.get(COMPUTE, path(server) + "/" + key), "the item " + key, 200)
                .path("meta");
        return meta.path(key).isTextual() ? meta.path(key).asText() : null;
    }

    private static String path(String server) {
        return "/servers/" + server + "/metadata";
    }
}

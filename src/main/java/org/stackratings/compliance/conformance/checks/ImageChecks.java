package org.stackratings.compliance.conformance.checks;

import static org.stackratings.openstack.CloudService.COMPUTE;
import static org.stackratings.openstack.CloudService.IMAGE;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;
import org.stackratings.compliance.conformance.ResourceKind;
import org.stackratings.compliance.conformance.RunMarker;
import org.stackratings.openstack.ApiAnswer;
import org.stackratings.openstack.ApiCall;

/**
 * Glance v2: the image list and its filters, schemas and refusals, images created, updated with a JSON patch, tagged
 * and deleted; and Nova's createImage (a snapshot of the run's server). Every image the run makes is named with the
 * run's marker and tagged {@code stackratings.run=<run>}; uploads are 64 bytes.
 */
@ApplicationScoped
class ImageChecks implements CheckGroup {

    private static final String PATCH = "application/openstack-images-v2.1-json-patch";
    private static final String UPLOAD = "0123456789abcdef".repeat(4);

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.of(
                "images-v2-index", ImageChecks::index,
                "images-v2-list", ImageChecks::list,
                "images-v2-get", ImageChecks::get,
                "images-v2-update", ImageChecks::update,
                "images-v2-delete", ImageChecks::delete,
                "compute-images-create", ImageChecks::snapshot);
    }

    private static void index(CheckContext context) {
        JsonNode images = context.expectJson(ApiCall.get(IMAGE, "/v2/images"), "the image list", 200).path("images");
        context.require(images.isArray(), "the answer has no 'images' list");
    }

    private static void list(CheckContext context) {
        String id = create(context, "listed");
        context.expect(ApiCall.of(IMAGE, "PUT", "/v2/images/" + id + "/file", null).withBody(UPLOAD,
                "application/octet-stream"), "the image data is uploaded", 204);
        JsonNode image = context.await(ApiCall.get(IMAGE, "/v2/images/" + id), "the image becomes active",
                b -> "active".equals(b.path("status").asText()), b -> "killed".equals(b.path("status").asText()));
        String name = context.marker().name("listed");
        requireListed(context, "?name=" + name, id, true);
        requireListed(context, "?name=" + name + "&disk_format=raw", id, true);
        requireListed(context, "?name=" + name + "&disk_format=qcow2", id, false);
        requireListed(context, "?name=" + name + "&container_format=bare", id, true);
        requireListed(context, "?name=" + name + "&status=active", id, true);
        requireListed(context, "?name=" + name + "&size_min=" + UPLOAD.length() + "&size_max=" + UPLOAD.length(), id,
                true);
        requireListed(context, "?name=" + name + "&size_min=" + (UPLOAD.length() + 1), id, false);
        requireListed(context, "?name=" + name + "&visibility=" + image.path("visibility").asText(), id, true);
        JsonNode limited = context.expectJson(ApiCall.get(IMAGE, "/v2/images?limit=1"), "at most one image", 200);
        context.require(limited.path("images").size() <= 1, "limit=1 listed more than one image");
        deleteImage(context, id);
    }

    private static void get(CheckContext context) {
        JsonNode schema = context.expectJson(ApiCall.get(IMAGE, "/v2/schemas/image"), "the image schema", 200);
        context.require(schema.path("properties").isObject(), "the image schema has no properties");
        JsonNode schemas = context.expectJson(ApiCall.get(IMAGE, "/v2/schemas/images"), "the image list schema", 200);
        context.require(schemas.path("properties").path("images").isObject(),
                "the image list schema has no images property");
        context.expect(ApiCall.get(IMAGE, "/v2/images/" + Absent.ID),
                "an image that does not exist is not found", 404);
        context.expect(ApiCall.get(IMAGE, "/v2/images/"), "an image without an id is not found", 404);
    }

    private static void update(CheckContext context) {
        String id = create(context, "updated");
        String renamed = context.marker().name("renamed");
        JsonNode patched = context.expectJson(ApiCall.of(IMAGE, "PATCH", "/v2/images/" + id, null).withBody(
                "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":" + CheckContext.quote(renamed) + "}]", PATCH),
                "the image is renamed by a JSON patch", 200);
        context.require(renamed.equals(patched.path("name").asText()), "the patched image does not have the new name");
        context.expect(ApiCall.of(IMAGE, "PUT", "/v2/images/" + id + "/tags/checked", null), "a tag is added", 204);
        JsonNode tagged = context.expectJson(ApiCall.get(IMAGE, "/v2/images/" + id), "the image is shown", 200);
        context.require(tagged.path("tags").toString().contains("\"checked\""), "the image does not carry the tag");
        context.expect(ApiCall.of(IMAGE, "DELETE", "/v2/images/" + id + "/tags/checked", null), "the tag is removed",
                204);
        context.expect(ApiCall.of(IMAGE, "PUT", "/v2/images/" + Absent.ID + "/tags/checked", null),
                "tagging an image that does not exist is not found", 404);
        deleteImage(context, id);
    }

    private static void delete(CheckContext context) {
        String id = create(context, "deleted");
        context.expect(ApiCall.of(IMAGE, "DELETE", "/v2/images/" + id + "/tags/no-such-tag", null),
                "removing a tag the image does not have is not found", 404);
        deleteImage(context, id);
        context.expect(ApiCall.get(IMAGE, "/v2/images/" + id), "the deleted image is gone", 404);
        context.expect(ApiCall.of(IMAGE, "DELETE", "/v2/images/" + Absent.ID, null),
                "deleting an image that does not exist is not found", 404);
    }

    private static void snapshot(CheckContext context) {
        String server = context.fixture().server();
        String name = context.marker().name("snapshot");
        ApiAnswer answer = context.expect(ApiCall.of(COMPUTE, "POST", "/servers/" + server + "/action",
                "{\"createImage\":{\"name\":" + CheckContext.quote(name) + ",\"metadata\":{\"" + RunMarker.KEY
                        + "\":\"" + context.marker().runId() + "\"}}}"), "a snapshot of the server is accepted", 202);
        String location = answer.header("location");
        context.require(location != null && location.contains("/images/"),
                "the answer has no Location header naming the image");
        String id = location.substring(location.lastIndexOf('/') + 1);
        context.ledger().add(ResourceKind.IMAGE, id);
        JsonNode image = context.await(ApiCall.get(IMAGE, "/v2/images/" + id), "the snapshot becomes active",
                b -> "active".equals(b.path("status").asText()),
                b -> b.path("status").asText().matches("killed|deleted"));
        context.require(name.equals(image.path("name").asText()), "the snapshot does not have the name given");
        deleteImage(context, id);
    }

    /** Creates an image record (raw, bare) with the run's name and tag; returns its id. */
    private static String create(CheckContext context, String role) {
        JsonNode image = context.expectJson(ApiCall.of(IMAGE, "POST", "/v2/images", "{\"name\":"
                + CheckContext.quote(context.marker().name(role)) + ",\"disk_format\":\"raw\",\"container_format\":"
                + "\"bare\",\"tags\":[" + CheckContext.quote(context.marker().tag()) + "]}"), "the image is created", 201);
        String id = image.path("id").asText("");
        context.require(!id.isEmpty(), "the answer names no image id");
        context.ledger().add(ResourceKind.IMAGE, id);
        context.require("queued".equals(image.path("status").asText()), "a new image is not queued");
        return id;
    }

    private static void deleteImage(CheckContext context, String id) {
        context.expect(ApiCall.of(IMAGE, "DELETE", "/v2/images/" + id, null), "the image is deleted", 204);
        context.ledger().deleted(ResourceKind.IMAGE, id);
    }

    private static void requireListed(CheckContext context, String query, String id, boolean listed) {
        JsonNode images = context.expectJson(ApiCall.get(IMAGE, "/v2/images" + query), listed
                ? "the list includes the run's image" : "the list does not include the run's image", 200).path("images");
        boolean found = false;
        for (JsonNode i : images) {
            found |= id.equals(i.path("id").asText());
        }
        context.require(found == listed, (listed ? "not listed with " : "listed with ") + query);
    }
}

package org.stackratings.sandbox.api.image.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.stackratings.sandbox.api.image.ImageFields;
import org.stackratings.sandbox.routing.ServiceRoutes;

/** Glance's JSON schemas of images and members: {@code /v2/schemas/image}, {@code images}, {@code member}, {@code members}. */
public final class ImageSchemas {

    private static final String UUID_PATTERN = ImageFields.UUID.pattern();

    public void register(ServiceRoutes routes) {
        routes.get("/v2/schemas/image", req -> req.ok(image()));
        routes.get("/v2/schemas/images", req -> req.ok(images()));
        routes.get("/v2/schemas/member", req -> req.ok(member()));
        routes.get("/v2/schemas/members", req -> req.ok(new JsonObject().put("name", "members")
                .put("properties", new JsonObject()
                        .put("members", new JsonObject().put("type", "array").put("items", member()))
                        .put("schema", string()))
                .put("links", new JsonArray().add(link("describedby", "{schema}")))));
        new MetadefSchemas().register(routes);
    }

    static JsonObject string() {
        return new JsonObject().put("type", "string");
    }

    static JsonObject nullable(String type) {
        return new JsonObject().put("type", new JsonArray().add("null").add(type));
    }

    static JsonObject link(String rel, String href) {
        return new JsonObject().put("href", href).put("rel", rel);
    }

    private static JsonObject described(JsonObject schema, String description) {
        return schema.put("description", description);
    }

    private static JsonArray nullableEnum(List<String> values) {
        JsonArray all = new JsonArray().addNull();
        values.forEach(all::add);
        return all;
    }

    static JsonObject image() {
        JsonObject readOnlyTime = string().put("readOnly", true).put("format", "date-time");
        JsonObject p = new JsonObject()
                .put("id", described(string().put("pattern", UUID_PATTERN), "An identifier for the image"))
                .put("name", described(nullable("string").put("maxLength", 255), "Descriptive name for the image"))
                .put("status", described(string().put("readOnly", true)
                        .put("enum", new JsonArray(ImageFields.STATUSES)), "Status of the image"))
                .put("visibility", described(string().put("enum", new JsonArray(ImageFields.VISIBILITIES)),
                        "Scope of image accessibility"))
                .put("protected", described(new JsonObject().put("type", "boolean"),
                        "If true, image will not be deletable."))
                .put("os_hidden", described(new JsonObject().put("type", "boolean"),
                        "If true, image will not appear in default image list response."))
                .put("checksum", described(nullable("string").put("readOnly", true).put("maxLength", 32),
                        "md5 hash of image contents."))
                .put("os_hash_algo", described(nullable("string").put("readOnly", true).put("maxLength", 64),
                        "Algorithm to calculate the os_hash_value"))
                .put("os_hash_value", described(nullable("string").put("readOnly", true).put("maxLength", 128),
                        "Hexdigest of the image contents using the algorithm specified by the os_hash_algo"))
                .put("owner", described(nullable("string").put("maxLength", 255), "Owner of the image"))
                .put("size", described(nullable("integer").put("readOnly", true),
                        "Size of image file in bytes"))
                .put("virtual_size", described(nullable("integer").put("readOnly", true),
                        "Virtual size of image in bytes"))
                .put("container_format", described(nullable("string").put("maxLength", 255)
                        .put("enum", nullableEnum(ImageFields.CONTAINER_FORMATS)), "Format of the container"))
                .put("disk_format", described(nullable("string").put("maxLength", 255)
                        .put("enum", nullableEnum(ImageFields.DISK_FORMATS)), "Format of the disk"))
                .put("created_at", described(readOnlyTime.copy(), "Date and time of image registration"))
                .put("updated_at", described(readOnlyTime.copy(), "Date and time of the last image modification"))
                .put("tags", described(new JsonObject().put("type", "array")
                        .put("items", string().put("maxLength", 255)), "List of strings related to the image"))
                .put("direct_url", described(string().put("readOnly", true),
                        "URL to access the image file kept in external store"))
                .put("min_ram", described(new JsonObject().put("type", "integer").put("minimum", 0),
                        "Amount of ram (in MB) required to boot image."))
                .put("min_disk", described(new JsonObject().put("type", "integer").put("minimum", 0),
                        "Amount of disk space (in GB) required to boot image."))
                .put("self", described(string().put("readOnly", true), "An image self url"))
                .put("file", described(string().put("readOnly", true), "An image file url"))
                .put("schema", described(string().put("readOnly", true), "An image schema url"))
                .put("locations", described(new JsonObject().put("type", "array").put("items", new JsonObject()
                        .put("type", "object").put("required", new JsonArray().add("url").add("metadata"))
                        .put("properties", new JsonObject().put("url", string().put("maxLength", 255))
                                .put("metadata", new JsonObject().put("type", "object")))),
                        "A set of URLs to access the image file kept in external store"))
                .put("kernel_id", described(nullable("string").put("pattern", UUID_PATTERN), "ID of image stored "
                        + "in Glance that should be used as the kernel when booting an AMI-style image."))
                .put("ramdisk_id", described(nullable("string").put("pattern", UUID_PATTERN), "ID of image stored "
                        + "in Glance that should be used as the ramdisk when booting an AMI-style image."))
                .put("instance_uuid", described(string(), "Metadata which can be used to record which instance "
                        + "this image is associated with. (Informational only, does not create an instance "
                        + "snapshot.)"))
                .put("architecture", described(string(), "Operating system architecture as specified in "
                        + "https://docs.openstack.org/python-glanceclient/latest/cli/property-keys.html"))
                .put("os_distro", described(string(), "Common name of operating system distribution as specified "
                        + "in https://docs.openstack.org/python-glanceclient/latest/cli/property-keys.html"))
                .put("os_version", described(string(), "Operating system version as specified by the "
                        + "distributor."))
                .put("description", described(string(), "A human-readable string describing this image."))
                .put("cinder_encryption_key_id", described(string(), "Identifier in the OpenStack Key "
                        + "Management Service for the encryption key for the Block Storage Service to use when "
                        + "mounting a volume created from this image"))
                .put("cinder_encryption_key_deletion_policy", described(string()
                        .put("enum", new JsonArray().add("on_image_deletion").add("do_not_delete")),
                        "States the condition under which the Image Service will delete the object associated "
                        + "with the 'cinder_encryption_key_id' image property."));
        return new JsonObject()
                .put("name", "image")
                .put("properties", p)
                .put("additionalProperties", string())
                .put("links", new JsonArray().add(link("self", "{self}")).add(link("enclosure", "{file}"))
                        .add(link("describedby", "{schema}")));
    }

    static JsonObject images() {
        return new JsonObject()
                .put("name", "images")
                .put("properties", new JsonObject()
                        .put("images", new JsonObject().put("type", "array").put("items", image()))
                        .put("schema", string())
                        .put("first", string())
                        .put("next", string()))
                .put("links", new JsonArray().add(link("first", "{first}")).add(link("next", "{next}"))
                        .add(link("describedby", "{schema}")));
    }

    static JsonObject member() {
        return new JsonObject()
                .put("name", "member")
                .put("properties", new JsonObject()
                        .put("created_at", described(string().put("format", "date-time"),
                                "Date and time of image member creation"))
                        .put("image_id", described(string().put("pattern", UUID_PATTERN),
                                "An identifier for the image"))
                        .put("member_id", described(string(), "An identifier for the image member (tenantId)"))
                        .put("updated_at", described(string().put("format", "date-time"),
                                "Date and time of last modification of image member"))
                        .put("status", described(string().put("enum", new JsonArray().add("pending")
                                .add("accepted").add("rejected")), "The status of this image member"))
                        .put("schema", string().put("readOnly", true)));
    }
}

package org.stackratings.compliance.conformance.checks;

import static org.stackratings.openstack.CloudService.COMPUTE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;
import org.stackratings.compliance.conformance.ResourceKind;
import org.stackratings.compliance.conformance.RunMarker;
import org.stackratings.openstack.ApiCall;

/**
 * Nova servers: create (and the requests a compliant cloud refuses), create several at once, delete, show, update,
 * verify, the host id, keypairs. Booting uses the member's flavor, image and network (or the agency's picks).
 */
@ApplicationScoped
class ServerChecks implements CheckGroup {

    private static final String LONG_NAME = "x".repeat(256);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.ofEntries(
                Map.entry("compute-keypairs-create", ServerChecks::keypair),
                Map.entry("compute-keypairs-create-type", ServerChecks::keypairWithType),
                Map.entry("compute-servers-create", ServerChecks::create),
                Map.entry("compute-servers-create-multiple", ServerChecks::createMultiple),
                Map.entry("compute-servers-delete", ServerChecks::delete),
                Map.entry("compute-servers-host", ServerChecks::host),
                Map.entry("compute-servers-invalid", c -> refused(c, s -> s.put("accessIPv6", "notvalid"),
                        "an invalid IPv6 address is refused")),
                Map.entry("compute-servers-name", c -> refused(c, s -> s.put("name", ""), "a blank name is refused")),
                Map.entry("compute-servers-update", ServerChecks::update),
                Map.entry("compute-servers-verify", ServerChecks::verify));
    }

    private static void keypair(CheckContext context) {
        String server = context.fixture().server();
        String key = context.fixture().keypair();
        JsonNode shown = show(context, server);
        context.require(key.equals(shown.path("key_name").asText()), "the server does not name the keypair it was"
                + " booted with");
        JsonNode keypairs = context.expectJson(ApiCall.get(COMPUTE, "/os-keypairs"), "the keypairs", 200)
                .path("keypairs");
        boolean listed = false;
        for (JsonNode k : keypairs) {
            listed |= key.equals(k.path("keypair").path("name").asText());
        }
        context.require(listed, "the keypair list does not include the run's keypair");
    }

    private static void keypairWithType(CheckContext context) {
        String name = context.marker().name("key-typed");
        context.ledger().addOnce(ResourceKind.KEYPAIR, name); // before it is asked for: a lost answer still leaves it
        JsonNode created = context.expectJson(microversion(ApiCall.of(COMPUTE, "POST", "/os-keypairs",
                        "{\"keypair\":{\"name\":" + CheckContext.quote(name) + ",\"type\":\"ssh\"}}"), "2.2"),
                "a keypair of type ssh is created (microversion 2.2)", 200, 201);
        context.require("ssh".equals(created.path("keypair").path("type").asText()),
                "the created keypair's type is not ssh");
        JsonNode shown = context.expectJson(microversion(ApiCall.get(COMPUTE, "/os-keypairs/" + name), "2.2"),
                "the keypair is shown with its type", 200);
        context.require("ssh".equals(shown.path("keypair").path("type").asText()), "the keypair's type is not ssh");
        context.expect(ApiCall.of(COMPUTE, "DELETE", "/os-keypairs/" + name, null), "the keypair is deleted", 202, 204);
        context.ledger().deleted(ResourceKind.KEYPAIR, name);
    }

    private static void create(CheckContext context) {
        String body = bootBody(context, context.marker().name("created"), ",\"adminPass\":\"StackRatings-Check-1\"");
        JsonNode created = context.expectJson(ApiCall.of(COMPUTE, "POST", "/servers", body), "the server is accepted",
                202).path("server");
        String id = created.path("id").asText("");
        context.require(!id.isEmpty(), "the answer names no server id");
        context.ledger().add(ResourceKind.SERVER, id);
        context.require(created.path("adminPass").isTextual(), "the answer does not return the admin password");
        context.fixture().awaitActive(id);
        refused(context, s -> s.put("name", LONG_NAME), "a name of 256 characters is refused");
        refused(context, s -> s.put("name", 12345), "a numeric name is refused");
        refused(context, s -> s.put("flavorRef", Absent.ID), "an unknown flavor is refused");
        refused(context, s -> s.put("imageRef", Absent.ID), "an unknown image is refused");
        refused(context, s -> s.putArray("networks").addObject().put("uuid", "not-a-uuid"),
                "an invalid network id is refused");
        refused(context, s -> ((ObjectNode) s.path("metadata")).put("long", "x".repeat(256)),
                "a metadata value of 256 characters is refused", 400, 413);
    }

    private static void createMultiple(CheckContext context) {
        String name = context.marker().name("multiple");
        JsonNode first = context.expectJson(ApiCall.of(COMPUTE, "POST", "/servers", bootBody(context, name,
                ",\"min_count\":2,\"max_count\":2")), "two servers are accepted", 202).path("server");
        if (first.path("id").isTextual()) {
            context.ledger().add(ResourceKind.SERVER, first.path("id").asText());
        }
        JsonNode listed = context.expectJson(ApiCall.get(COMPUTE, "/servers/detail?name=" + name),
                "both servers are listed", 200).path("servers");
        listed.forEach(s -> context.ledger().addOnce(ResourceKind.SERVER, s.path("id").asText()));
        context.require(listed.size() == 2, "min_count=max_count=2 made " + listed.size() + " servers");
        for (JsonNode s : listed) {
            context.fixture().awaitActive(s.path("id").asText());
        }
    }

    private static void delete(CheckContext context) {
        String id = context.fixture().boot("deleted", false);
        context.expect(ApiCall.of(COMPUTE, "DELETE", "/servers/" + id, null), "the server is deleted", 204);
        context.awaitGone(ApiCall.get(COMPUTE, "/servers/" + id), "the deleted server is gone");
        context.ledger().deleted(ResourceKind.SERVER, id);
        context.expect(ApiCall.of(COMPUTE, "DELETE", "/servers/" + "1".repeat(37), null),
                "deleting an id longer than a UUID is not found", 404);
        context.expect(ApiCall.of(COMPUTE, "DELETE", "/servers/-1", null), "deleting a negative id is not found", 404);
    }

    private static void host(CheckContext context) {
        JsonNode server = show(context, context.fixture().server());
        context.require(!server.path("hostId").asText("").isEmpty(), "the server has no hostId");
        context.require(server.path("name").asText().equals(context.marker().name("server"))
                || server.path("name").asText().startsWith(RunMarker.PREFIX), "the server's name is not the one given");
    }

    private static void update(CheckContext context) {
        String server = context.fixture().server();
        String name = context.marker().name("server");
        String renamed = context.marker().name("renamed");
        try {
            JsonNode updated = context.expectJson(ApiCall.of(COMPUTE, "PUT", "/servers/" + server,
                    "{\"server\":{\"name\":" + CheckContext.quote(renamed) + "}}"), "the server is renamed", 200);
            context.require(renamed.equals(updated.path("server").path("name").asText()),
                    "the answer does not show the new name");
            context.require(renamed.equals(show(context, server).path("name").asText()),
                    "the server does not keep its new name");
            JsonNode addresses = context.expectJson(ApiCall.of(COMPUTE, "PUT", "/servers/" + server,
                            "{\"server\":{\"accessIPv4\":\"192.0.2.10\",\"accessIPv6\":\"2001:db8::10\"}}"),
                    "the access addresses are updated", 200).path("server");
            context.require("192.0.2.10".equals(addresses.path("accessIPv4").asText())
                    && "2001:db8::10".equals(addresses.path("accessIPv6").asText()),
                    "the answer does not show the new access addresses");
        } finally {
            context.expect(ApiCall.of(COMPUTE, "PUT", "/servers/" + server,
                    "{\"server\":{\"name\":" + CheckContext.quote(name) + "}}"), "the server gets its name back", 200);
        }
        context.expect(ApiCall.of(COMPUTE, "PUT", "/servers/" + Absent.ID,
                "{\"server\":{\"name\":\"x\"}}"), "updating a server that does not exist is not found", 404);
        context.expect(ApiCall.of(COMPUTE, "PUT", "/servers/" + server,
                "{\"server\":{\"name\":" + CheckContext.quote(LONG_NAME) + "}}"), "a name of 256 characters is refused",
                400);
        context.expect(ApiCall.of(COMPUTE, "PUT", "/servers/" + server, "{\"server\":{\"name\":\"\"}}"),
                "a blank name is refused", 400);
    }

    private static void verify(CheckContext context) {
        String id = context.fixture().server();
        JsonNode server = show(context, id);
        context.require(context.marker().name("server").equals(server.path("name").asText()),
                "the server's name is not the one it was given");
        context.require("ACTIVE".equals(server.path("status").asText()), "the server is not ACTIVE");
        context.require(context.fixture().serverFlavor().equals(server.path("flavor").path("id").asText()),
                "the server's flavor is not the one it was booted with (or last resized to)");
        context.require(context.fixture().image().equals(server.path("image").path("id").asText()),
                "the server's image is not the one it was booted with");
        context.require(server.path("addresses").isObject(), "the server has no addresses");
        JsonNode flavor = context.expectJson(ApiCall.get(COMPUTE, "/flavors/" + context.fixture().serverFlavor()),
                "the server's flavor", 200).path("flavor");
        context.require(flavor.path("vcpus").asInt(0) > 0, "the server's flavor has no vCPUs");
    }

    static JsonNode show(CheckContext context, String server) {
        JsonNode body = context.expectJson(ApiCall.get(COMPUTE, "/servers/" + server), "the server is shown", 200)
                .path("server");
        context.require(body.isObject(), "the answer has no 'server' object");
        return body;
    }

    /** A POST /servers that a compliant cloud refuses with 400; a server it boots anyway is deleted with the run. */
    private static void refused(CheckContext context, java.util.function.Consumer<ObjectNode> change, String expected,
                                int... statuses) {
        ObjectNode body = bootRequest(context, context.marker().name("refused"));
        change.accept((ObjectNode) body.path("server"));
        context.expect(ApiCall.of(COMPUTE, "POST", "/servers", body.toString()), expected, answer -> {
            if (answer.status() == 202) {
                String id = CheckContext.json(answer).path("server").path("id").asText("");
                if (!id.isEmpty()) {
                    context.ledger().add(ResourceKind.SERVER, id);
                }
            }
        }, statuses.length == 0 ? new int[] {400} : statuses);
    }

    /** A POST /servers request with the run's marker, flavor, image and network. */
    static ObjectNode bootRequest(CheckContext context, String name) {
        ObjectNode server = JSON.createObjectNode();
        server.put("name", name).put("flavorRef", context.fixture().flavor()).put("imageRef", context.fixture().image());
        context.fixture().network().ifPresent(n -> server.putArray("networks").addObject().put("uuid", n));
        server.putObject("metadata").put(RunMarker.KEY, context.marker().runId().toString());
        ObjectNode body = JSON.createObjectNode();
        body.set("server", server);
        return body;
    }

    /** {@link #bootRequest} as text, with {@code extra} JSON members added to the server. */
    static String bootBody(CheckContext context, String name, String extra) {
        String body = bootRequest(context, name).toString();
        return body.substring(0, body.length() - 2) + extra + "}}";
    }

    static ApiCall microversion(ApiCall call, String version) {
        return call.withHeader("X-OpenStack-Nova-API-Version", version)
                .withHeader("OpenStack-API-Version", "compute " + version);
    }
}

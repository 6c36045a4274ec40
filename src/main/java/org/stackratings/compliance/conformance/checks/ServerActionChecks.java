package org.stackratings.compliance.conformance.checks;

import static org.stackratings.openstack.CloudService.COMPUTE;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;
import org.stackratings.compliance.conformance.NotApplicable;
import org.stackratings.compliance.conformance.RunMarker;
import org.stackratings.openstack.ApiCall;

/**
 * Nova server actions on the run's shared server: lock and unlock, stop and start, reboot, rebuild, resize with
 * confirm and revert (when the member names a second flavor), and the instance actions they leave. Each check leaves
 * the server ACTIVE and unlocked, also when it fails.
 */
@ApplicationScoped
class ServerActionChecks implements CheckGroup {

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.of(
                "compute-servers-lock", ServerActionChecks::lock,
                "compute-servers-stop", ServerActionChecks::stopStart,
                "compute-servers-reboot", ServerActionChecks::reboot,
                "compute-servers-rebuild", ServerActionChecks::rebuild,
                "compute-servers-resize", ServerActionChecks::resize,
                "compute-instance-actions-list", ServerActionChecks::actionsList,
                "compute-instance-actions-get", ServerActionChecks::actionsGet);
    }

    private static void lock(CheckContext context) {
        String server = context.fixture().server();
        try {
            action(context, server, "{\"lock\":null}", "the server is locked");
            context.expect(action(server, "{\"os-stop\":null}"), "a locked server refuses to stop (for its owner)", 409);
            action(context, server, "{\"unlock\":null}", "the server is unlocked");
            action(context, server, "{\"os-stop\":null}", "the unlocked server stops");
            awaitStatus(context, server, "SHUTOFF");
        } finally {
            context.session().call(action(server, "{\"unlock\":null}"));
            restore(context, server);
        }
    }

    private static void stopStart(CheckContext context) {
        String server = context.fixture().server();
        try {
            action(context, server, "{\"os-stop\":null}", "the server stops");
            awaitStatus(context, server, "SHUTOFF");
            action(context, server, "{\"os-start\":null}", "the server starts");
            awaitStatus(context, server, "ACTIVE");
        } finally {
            restore(context, server);
        }
        context.expect(action(Absent.ID, "{\"os-stop\":null}"),
                "stopping a server that does not exist is not found", 404);
    }

    private static void reboot(CheckContext context) {
        String server = context.fixture().server();
        try {
            action(context, server, "{\"reboot\":{\"type\":\"HARD\"}}", "the server reboots");
            awaitStatus(context, server, "ACTIVE");
        } finally {
            restore(context, server);
        }
        context.expect(action(Absent.ID, "{\"reboot\":{\"type\":\"HARD\"}}"),
                "rebooting a server that does not exist is not found", 404);
    }

    private static void rebuild(CheckContext context) {
        String server = context.fixture().server();
        String name = context.marker().name("server");
        try {
            JsonNode rebuilt = CheckContext.json(action(context, server, "{\"rebuild\":{\"imageRef\":"
                    + CheckContext.quote(context.fixture().image()) + ",\"name\":" + CheckContext.quote(name)
                    + ",\"metadata\":{\"" + RunMarker.KEY + "\":\"" + context.marker().runId()
                    + "\",\"rebuilt\":\"yes\"}}}", "the server is rebuilt"));
            context.require(context.fixture().image().equals(rebuilt.path("server").path("image").path("id").asText()),
                    "the rebuild's answer does not show the image");
            JsonNode shown = awaitStatus(context, server, "ACTIVE");
            context.require("yes".equals(shown.path("server").path("metadata").path("rebuilt").asText()),
                    "the rebuilt server does not carry the metadata given to the rebuild");
        } finally {
            restore(context, server);
        }
        context.expect(action(Absent.ID, "{\"rebuild\":{\"imageRef\":"
                        + CheckContext.quote(context.fixture().image()) + "}}"),
                "rebuilding a server that does not exist is not found", 404);
    }

    private static void resize(CheckContext context) {
        String alternative = context.choices().secondFlavor().orElseThrow(() -> new NotApplicable(
                "resize needs a second flavor; set probes.conformance.flavorAlt for this member"));
        String second = context.session().pickFlavor(alternative);
        String first = context.fixture().flavor();
        if (second.equals(first)) {
            throw new NotApplicable("probes.conformance.flavorAlt names the flavor the run boots on; name another");
        }
        String server = context.fixture().server();
        try {
            action(context, server, "{\"resize\":{\"flavorRef\":" + CheckContext.quote(second) + "}}",
                    "the server is resized");
            awaitStatus(context, server, "VERIFY_RESIZE");
            action(context, server, "{\"confirmResize\":null}", "the resize is confirmed");
            JsonNode confirmed = awaitStatus(context, server, "ACTIVE");
            context.fixture().serverResizedTo(second);
            context.require(second.equals(confirmed.path("server").path("flavor").path("id").asText()),
                    "after the confirmed resize the server does not have the second flavor");
            action(context, server, "{\"resize\":{\"flavorRef\":" + CheckContext.quote(first) + "}}",
                    "the server is resized back");
            awaitStatus(context, server, "VERIFY_RESIZE");
            action(context, server, "{\"revertResize\":null}", "the resize is reverted");
            JsonNode reverted = awaitStatus(context, server, "ACTIVE");
            context.require(second.equals(reverted.path("server").path("flavor").path("id").asText()),
                    "after the reverted resize the server does not keep its flavor");
            context.expect(action(server, "{\"resize\":{\"flavorRef\":\"" + Absent.ID + "\"}}"),
                    "a resize to a flavor that does not exist is refused", 400);
            context.expect(action(server, "{\"resize\":{\"flavorRef\":\"\"}}"), "a resize to no flavor is refused",
                    400);
        } finally {
            restore(context, server);
        }
    }

    private static void actionsList(CheckContext context) {
        JsonNode actions = context.expectJson(ApiCall.get(COMPUTE, "/servers/" + context.fixture().server()
                + "/os-instance-actions"), "the server's actions", 200).path("instanceActions");
        context.require(actions.isArray(), "the answer has no 'instanceActions' list");
        boolean create = false;
        for (JsonNode a : actions) {
            create |= "create".equals(a.path("action").asText());
        }
        context.require(create, "the server's actions do not include its create");
    }

    private static void actionsGet(CheckContext context) {
        String server = context.fixture().server();
        JsonNode actions = context.expectJson(ApiCall.get(COMPUTE, "/servers/" + server + "/os-instance-actions"),
                "the server's actions", 200).path("instanceActions");
        context.require(actions.isArray() && !actions.isEmpty() && actions.get(0).path("request_id").isTextual(),
                "the server's actions have none with a request id");
        String request = actions.get(0).path("request_id").asText();
        JsonNode action = context.expectJson(ApiCall.get(COMPUTE, "/servers/" + server + "/os-instance-actions/"
                + request), "the action of that request", 200).path("instanceAction");
        context.require(request.equals(action.path("request_id").asText()) && !action.path("action").asText("")
                .isEmpty(), "the action shown is not the one asked for");
    }

    private static ApiCall action(String server, String body) {
        return ApiCall.of(COMPUTE, "POST", "/servers/" + server + "/action", body);
    }

    private static org.stackratings.openstack.ApiAnswer action(CheckContext context, String server, String body,
                                                                String expected) {
        return context.expect(action(server, body), expected, 200, 202, 204);
    }

    private static JsonNode awaitStatus(CheckContext context, String server, String status) {
        return context.await(ApiCall.get(COMPUTE, "/servers/" + server), "the server becomes " + status,
                b -> status.equals(b.path("server").path("status").asText()),
                b -> "ERROR".equals(b.path("server").path("status").asText()));
    }

    /** Leaves the shared server unlocked and ACTIVE, whatever the check did to it. */
    private static void restore(CheckContext context, String server) {
        JsonNode shown = context.session().call(ApiCall.get(COMPUTE, "/servers/" + server)).status() == 200
                ? ServerChecks.show(context, server) : null;
        if (shown == null) {
            return;
        }
        if (shown.path("locked").asBoolean(false)) {
            context.session().call(action(server, "{\"unlock\":null}"));
        }
        switch (shown.path("status").asText()) {
            case "SHUTOFF" -> {
                context.session().call(action(server, "{\"os-start\":null}"));
                awaitStatus(context, server, "ACTIVE");
            }
            case "VERIFY_RESIZE" -> {
                context.session().call(action(server, "{\"revertResize\":null}"));
                awaitStatus(context, server, "ACTIVE");
            }
            default -> {
            }
        }
    }
}

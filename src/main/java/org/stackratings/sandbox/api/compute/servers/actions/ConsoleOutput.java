package org.stackratings.sandbox.api.compute.servers.actions;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.api.compute.servers.RequestedServer;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.SimulatedServer;

/**
 * {@code os-getConsoleOutput}: the last {@code length} lines (all for null or -1) of a made-up boot log of the
 * server; Nova's 400 for a length that is not a whole number of at least -1, its 409 while the server builds.
 */
final class ConsoleOutput {

    private ConsoleOutput() {
    }

    static void answer(ApiRequest req, Object argument) {
        Object length = argument instanceof JsonObject o ? o.getValue("length") : null;
        if (argument != null && !(argument instanceof JsonObject)) {
            throw NovaRefusal.invalid("os-getConsoleOutput", argument);
        }
        Integer lines = lines(length);
        SimulatedServer server = RequestedServer.existing(req);
        if ("BUILD".equals(server.status()) || "ERROR".equals(server.status())) {
            throw new NovaRefusal(409, "Instance " + server.id() + " is not ready");
        }
        List<String> log = log(server);
        if (lines != null && lines >= 0) {
            log = log.subList(Math.max(0, log.size() - lines), log.size());
        }
        req.ok(new JsonObject().put("output", String.join("\n", log)));
    }

    private static Integer lines(Object length) {
        if (length == null) {
            return null;
        }
        Integer value = null;
        if (length instanceof Integer i) {
            value = i;
        } else if (length instanceof String s && s.matches("-?[0-9]{1,9}")) {
            value = Integer.parseInt(s);
        }
        if (value == null || value < -1) {
            throw NovaRefusal.invalid("length", length);
        }
        return value;
    }

    private static List<String> log(SimulatedServer server) {
        List<String> log = new ArrayList<>();
        log.add("[    0.000000] Linux version 5.15.0 (sandbox@stackratings) #1 SMP");
        log.add("[    0.000000] Command line: console=ttyS0 root=/dev/vda1");
        log.add("[    1.204311] EXT4-fs (vda1): mounted filesystem with ordered data mode");
        log.add("cloud-init: instance-id " + server.id());
        log.add("cloud-init: hostname " + server.name());
        log.add(server.name() + " login: ");
        return log;
    }
}

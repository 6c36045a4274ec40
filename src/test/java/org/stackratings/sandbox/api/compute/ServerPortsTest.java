package org.stackratings.sandbox.api.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;

/** A server's NICs as Neutron ports: create with networks, ports and fixed IPs, addresses, delete, os-interface. */
class ServerPortsTest {

    private static final String PORTS = "/nova/network/v2.0/ports";

    private NovaTestCloud nova;
    private String privateNet;
    private String publicNet;

    @BeforeEach
    void start() {
        nova = new NovaTestCloud();
        privateNet = nova.inventory.networks().stream().filter(n -> !n.external()).findFirst().orElseThrow().id();
        publicNet = nova.inventory.networks().stream().filter(n -> n.external()).findFirst().orElseThrow().id();
    }

    @AfterEach
    void stop() {
        nova.close();
    }

    private JsonArray portsOf(String server) {
        return nova.ok(nova.call("GET", PORTS + "?device_id=" + server, null), 200).getJsonArray("ports");
    }

    private HttpResponse<String> boot(String name, Object networks, String microversion) {
        JsonObject body = nova.serverBody(name);
        body.getJsonObject("server").put("networks", networks);
        return nova.call("POST", NovaTestCloud.SERVERS, body, microversion);
    }

    private String booted(String name, Object networks) {
        String id = nova.ok(boot(name, networks, "2.37"), 202).getJsonObject("server").getString("id");
        nova.clock.advance(Duration.ofSeconds(5));
        return id;
    }

    private static String message(HttpResponse<String> r, String kind) {
        return SandboxFixture.json(r).getJsonObject(kind).getString("message");
    }

    @Test
    void eachNicIsANeutronPortOfTheServerAndItsAddressesComeFromThem() {
        String server = booted("nics", new JsonArray().add(new JsonObject().put("uuid", privateNet))
                .add(new JsonObject().put("uuid", privateNet)));
        JsonArray ports = portsOf(server);
        assertThat(ports).hasSize(2);
        JsonObject port = ports.getJsonObject(0);
        assertThat(port.getString("device_owner")).isEqualTo("compute:nova");
        assertThat(port.getString("network_id")).isEqualTo(privateNet);
        String ip = port.getJsonArray("fixed_ips").getJsonObject(0).getString("ip_address");
        JsonArray addresses = nova.show(server).getJsonObject("addresses").getJsonArray("private");
        assertThat(addresses).hasSize(2);
        assertThat(addresses.stream().map(a -> ((JsonObject) a).getString("addr"))).contains(ip);
        assertThat(addresses.stream().map(a -> ((JsonObject) a).getString("OS-EXT-IPS-MAC:mac_addr")))
                .contains(port.getString("mac_address"));

        assertThat(nova.call("DELETE", NovaTestCloud.SERVERS + "/" + server, null).statusCode()).isEqualTo(204);
        assertThat(portsOf(server)).isEmpty();
    }

    @Test
    void aGivenPortAndAFixedIpAreUsedAndAGivenPortSurvivesTheServer() {
        JsonObject created = nova.ok(nova.call("POST", PORTS, new JsonObject().put("port",
                new JsonObject().put("network_id", privateNet))), 201).getJsonObject("port");
        String portId = created.getString("id");
        String server = booted("given", new JsonArray().add(new JsonObject().put("port", portId)));
        assertThat(portsOf(server).stream().map(p -> ((JsonObject) p).getString("id"))).containsExactly(portId);
        HttpResponse<String> again = boot("again", new JsonArray().add(new JsonObject().put("port", portId)), "2.37");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(message(again, "conflictingRequest")).isEqualTo("Port " + portId + " is still in use.");

        String fixed = booted("fixed", new JsonArray().add(new JsonObject().put("uuid", privateNet)
                .put("fixed_ip", "10.0.0.40")));
        assertThat(portsOf(fixed).getJsonObject(0).getJsonArray("fixed_ips").getJsonObject(0)
                .getString("ip_address")).isEqualTo("10.0.0.40");
        HttpResponse<String> taken = boot("taken", new JsonArray().add(new JsonObject().put("uuid", privateNet)
                .put("fixed_ip", "10.0.0.40")), "2.37");
        assertThat(message(taken, "badRequest")).startsWith("Fixed IP address 10.0.0.40 is already in use");

        nova.call("DELETE", NovaTestCloud.SERVERS + "/" + server, null);
        JsonObject kept = nova.ok(nova.call("GET", PORTS + "/" + portId, null), 200).getJsonObject("port");
        assertThat(kept.getString("device_id")).isEmpty();
        assertThat(kept.getString("device_owner")).isEmpty();
    }

    @Test
    void networksAreCheckedWithNovasMessages() {
        String unknown = "11111111-2222-3333-4444-555555555555";
        assertThat(message(boot("x", new JsonArray().add(new JsonObject().put("uuid", unknown)), null), "badRequest"))
                .isEqualTo("Network " + unknown + " could not be found.");
        assertThat(message(boot("x", new JsonArray().add(new JsonObject().put("port", unknown)), null), "badRequest"))
                .isEqualTo("Port id " + unknown + " could not be found.");
        assertThat(boot("x", new JsonArray().add(new JsonObject().put("uuid", publicNet)), null).statusCode())
                .isEqualTo(403);
        JsonObject body = nova.serverBody("sg");
        body.getJsonObject("server").put("security_groups", new JsonArray().add(new JsonObject().put("name", "no")));
        assertThat(nova.call("POST", NovaTestCloud.SERVERS, body).statusCode()).isEqualTo(400);
        assertThat(boot("x", "auto", null).statusCode()).isEqualTo(400);
        JsonObject none = nova.serverBody("none");
        none.getJsonObject("server").remove("networks");
        assertThat(nova.call("POST", NovaTestCloud.SERVERS, none, "2.37").statusCode()).isEqualTo(400);
    }

    @Test
    void autoTakesTheProjectsNetworkAndNoneGivesNoPort() {
        String auto = booted("auto", "auto");
        assertThat(portsOf(auto).getJsonObject(0).getString("network_id")).isEqualTo(privateNet);
        String none = booted("none", "none");
        assertThat(portsOf(none)).isEmpty();
        assertThat(nova.show(none).getJsonObject("addresses").isEmpty()).isTrue();
    }

    @Test
    void interfacesAreListedAttachedAndDetached() {
        String server = booted("ifaces", new JsonArray().add(new JsonObject().put("uuid", privateNet)));
        String interfaces = NovaTestCloud.SERVERS + "/" + server + "/os-interface";
        JsonArray listed = nova.ok(nova.call("GET", interfaces, null), 200).getJsonArray("interfaceAttachments");
        assertThat(listed).hasSize(1);
        assertThat(listed.getJsonObject(0).getString("net_id")).isEqualTo(privateNet);
        assertThat(listed.getJsonObject(0).getString("port_state")).isEqualTo("ACTIVE");

        JsonObject attach = new JsonObject().put("interfaceAttachment", new JsonObject().put("net_id", privateNet)
                .put("fixed_ips", new JsonArray().add(new JsonObject().put("ip_address", "10.0.0.50"))));
        JsonObject attached = nova.ok(nova.call("POST", interfaces, attach), 200).getJsonObject("interfaceAttachment");
        String portId = attached.getString("port_id");
        assertThat(attached.getJsonArray("fixed_ips").getJsonObject(0).getString("ip_address")).isEqualTo("10.0.0.50");
        assertThat(nova.ok(nova.call("GET", interfaces + "/" + portId, null), 200)
                .getJsonObject("interfaceAttachment").getString("mac_addr")).isNotEmpty();
        assertThat(portsOf(server)).hasSize(2);
        JsonObject both = new JsonObject().put("interfaceAttachment", new JsonObject().put("net_id", privateNet)
                .put("port_id", portId));
        assertThat(nova.call("POST", interfaces, both).statusCode()).isEqualTo(400);

        assertThat(nova.call("DELETE", interfaces + "/" + portId, null).statusCode()).isEqualTo(202);
        assertThat(nova.call("GET", interfaces + "/" + portId, null).statusCode()).isEqualTo(404);
        assertThat(nova.call("DELETE", interfaces + "/" + portId, null).statusCode()).isEqualTo(404);
        assertThat(portsOf(server)).hasSize(1);
        assertThat(nova.call("GET", PORTS + "/" + portId, null).statusCode()).isEqualTo(404);
    }

    @Test
    void serversListedByIpFindTheirPortsAddress() {
        String server = booted("byip", new JsonArray().add(new JsonObject().put("uuid", privateNet)
                .put("fixed_ip", "10.0.0.60")));
        JsonArray found = nova.ok(nova.call("GET", NovaTestCloud.SERVERS + "?ip=10.0.0.60", null), 200)
                .getJsonArray("servers");
        assertThat(found.stream().map(s -> ((JsonObject) s).getString("id")).toList()).isEqualTo(List.of(server));
    }
}

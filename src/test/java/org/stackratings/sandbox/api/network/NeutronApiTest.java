package org.stackratings.sandbox.api.network;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Neutron through HTTP: networks, subnets, ports, routers, floating IPs, security groups, tags, paging, quotas. */
class NeutronApiTest {

    private static Neutron neutron;

    @BeforeAll
    static void start() {
        neutron = new Neutron();
    }

    @AfterAll
    static void stop() {
        neutron.close();
    }

    private static String publicNetwork() {
        return neutron.expect(200, neutron.get("/networks?router:external=true")).getJsonArray("networks")
                .getJsonObject(0).getString("id");
    }

    @Test
    void subnetsGetGatewayPoolsAndRefuseOverlapsOnTheirNetwork() {
        JsonObject net = neutron.network("n1");
        JsonObject subnet = neutron.subnet(net.getString("id"), "10.10.0.0/28");
        assertThat(subnet.getString("gateway_ip")).isEqualTo("10.10.0.1");
        assertThat(subnet.getJsonArray("allocation_pools").getJsonObject(0).getString("start")).isEqualTo("10.10.0.2");
        assertThat(neutron.message(400, neutron.call("POST", "/subnets", new JsonObject().put("subnet",
                new JsonObject().put("network_id", net.getString("id")).put("cidr", "10.10.0.0/27")
                        .put("ip_version", 4)).encode()))).contains("overlaps with another subnet");
        JsonObject other = neutron.network("n2");
        neutron.subnet(other.getString("id"), "10.10.0.0/28");
        assertThat(neutron.expect(200, neutron.get("/networks/" + net.getString("id"))).getJsonObject("network")
                .getJsonArray("subnets")).containsExactly(subnet.getString("id"));
    }

    @Test
    void theExternalNetworksSubnetIsTheOperatorsAndHidden() {
        String external = publicNetwork();
        assertThat(neutron.expect(200, neutron.get("/subnets?network_id=" + external)).getJsonArray("subnets"))
                .isEmpty();
        assertThat(neutron.error(403, neutron.call("POST", "/networks",
                "{\"network\":{\"router:external\":true}}"))).isEqualTo("PolicyNotAuthorized");
    }

    @Test
    void portsTakeAddressesAndANetworkWithPortsCannotGo() {
        JsonObject net = neutron.network("ports");
        JsonObject subnet = neutron.subnet(net.getString("id"), "10.20.0.0/29");
        JsonObject port = neutron.port(net.getString("id"));
        assertThat(port.getJsonArray("fixed_ips").getJsonObject(0).getString("ip_address")).isEqualTo("10.20.0.2");
        assertThat(port.getJsonArray("security_groups")).hasSize(1);
        JsonObject taken = new JsonObject().put("network_id", net.getString("id")).put("fixed_ips", new JsonArray()
                .add(new JsonObject().put("subnet_id", subnet.getString("id")).put("ip_address", "10.20.0.2")));
        assertThat(neutron.error(409, neutron.call("POST", "/ports", new JsonObject().put("port", taken).encode())))
                .isEqualTo("IpAddressAlreadyAllocated");
        assertThat(neutron.expect(200, neutron.get("/ports?fixed_ips=ip_address%3D10.20.0.2"))
                .getJsonArray("ports")).hasSize(1);
        assertThat(neutron.error(409, neutron.call("DELETE", "/networks/" + net.getString("id"), null)))
                .isEqualTo("NetworkInUse");
        assertThat(neutron.error(409, neutron.call("PUT", "/ports/" + port.getString("id"),
                "{\"port\":{\"port_security_enabled\":false}}"))).isEqualTo("PortSecurityPortHasSecurityGroup");
        neutron.expect(204, neutron.call("DELETE", "/ports/" + port.getString("id"), null));
        neutron.expect(204, neutron.call("DELETE", "/networks/" + net.getString("id"), null));
        neutron.error(404, neutron.get("/subnets/" + subnet.getString("id")));
    }

    @ParameterizedTest
    @CsvSource({"subnets,subnet,network_id", "ports,port,network_id",
            "subnetpools,subnetpool,prefixes", "floatingips,floatingip,floating_network_id"})
    void aMissingRequiredAttributeIsNamed(String collection, String singular, String attribute) {
        assertThat(neutron.message(400, neutron.call("POST", "/" + collection,
                new JsonObject().put(singular, new JsonObject().put("description", "x")).encode())))
                .isEqualTo("Failed to parse request. Required attribute '" + attribute + "' not specified");
    }

    @Test
    void bulkCreateIsAllOrNothing() {
        JsonObject two = neutron.expect(201, neutron.call("POST", "/networks",
                "{\"networks\":[{\"name\":\"b1\"},{\"name\":\"b2\"}]}"));
        assertThat(two.getJsonArray("networks")).hasSize(2);
        neutron.expect(400, neutron.call("POST", "/networks", "{\"networks\":[{\"name\":\"b3\"},{\"bogus\":1}]}"));
        assertThat(neutron.expect(200, neutron.get("/networks?name=b3")).getJsonArray("networks")).isEmpty();
    }

    @Test
    void routersCarryFloatingIpsToPortsBehindThem() {
        JsonObject net = neutron.network("l3");
        JsonObject subnet = neutron.subnet(net.getString("id"), "10.30.0.0/28");
        JsonObject port = neutron.port(net.getString("id"));
        String external = publicNetwork();
        JsonObject fip = neutron.create("floatingips", "floatingip", new JsonObject().put("floating_network_id", external));
        assertThat(fip.getString("status")).isEqualTo("DOWN");
        String associate = new JsonObject().put("floatingip", new JsonObject().put("port_id", port.getString("id")))
                .encode();
        assertThat(neutron.error(404, neutron.call("PUT", "/floatingips/" + fip.getString("id"), associate)))
                .isEqualTo("ExternalGatewayForFloatingIPNotFound");
        JsonObject router = neutron.create("routers", "router", new JsonObject().put("name", "r")
                .put("external_gateway_info", new JsonObject().put("network_id", external)));
        assertThat(router.getJsonObject("external_gateway_info").getJsonArray("external_fixed_ips")).hasSize(1);
        String rid = router.getString("id");
        JsonObject iface = neutron.expect(200, neutron.call("PUT", "/routers/" + rid + "/add_router_interface",
                new JsonObject().put("subnet_id", subnet.getString("id")).encode()));
        JsonObject routerPort = neutron.expect(200, neutron.get("/ports/" + iface.getString("port_id")))
                .getJsonObject("port");
        assertThat(routerPort.getString("device_id")).isEqualTo(rid);
        assertThat(routerPort.getJsonArray("fixed_ips").getJsonObject(0).getString("ip_address")).isEqualTo("10.30.0.1");
        JsonObject associated = neutron.expect(200, neutron.call("PUT", "/floatingips/" + fip.getString("id"),
                associate)).getJsonObject("floatingip");
        assertThat(associated.getString("router_id")).isEqualTo(rid);
        assertThat(neutron.error(409, neutron.call("DELETE", "/routers/" + rid, null))).isEqualTo("RouterInUse");
        assertThat(neutron.error(409, neutron.call("PUT", "/routers/" + rid + "/remove_router_interface",
                new JsonObject().put("subnet_id", subnet.getString("id")).encode())))
                .isEqualTo("RouterInterfaceInUseByFloatingIP");
        neutron.expect(204, neutron.call("DELETE", "/ports/" + port.getString("id"), null));
        assertThat(neutron.expect(200, neutron.get("/floatingips/" + fip.getString("id"))).getJsonObject("floatingip")
                .getValue("port_id")).isNull();
        neutron.expect(200, neutron.call("PUT", "/routers/" + rid + "/remove_router_interface",
                new JsonObject().put("subnet_id", subnet.getString("id")).encode()));
        neutron.expect(204, neutron.call("DELETE", "/routers/" + rid, null));
    }

    @Test
    void securityGroupRulesAreValidatedAsNeutronDoes() {
        JsonArray groups = neutron.expect(200, neutron.get("/security-groups?name=default"))
                .getJsonArray("security_groups");
        assertThat(groups.getJsonObject(0).getJsonArray("security_group_rules")).hasSize(4);
        assertThat(neutron.error(409, neutron.call("POST", "/security-groups",
                "{\"security_group\":{\"name\":\"default\"}}"))).isEqualTo("SecurityGroupDefaultAlreadyExists");
        JsonObject group = neutron.create("security-groups", "security_group", new JsonObject().put("name", "web"));
        assertThat(group.getJsonArray("security_group_rules")).hasSize(2);
        String gid = group.getString("id");
        JsonObject rule = new JsonObject().put("security_group_id", gid).put("direction", "ingress")
                .put("protocol", "tcp").put("port_range_min", 80).put("port_range_max", 80);
        neutron.create("security-group-rules", "security_group_rule", rule);
        assertThat(neutron.error(409, neutron.call("POST", "/security-group-rules",
                new JsonObject().put("security_group_rule", rule).encode()))).isEqualTo("SecurityGroupRuleExists");
        assertThat(neutron.message(400, neutron.call("POST", "/security-group-rules", new JsonObject()
                .put("security_group_rule", rule.copy().put("port_range_min", 81)).encode())))
                .contains("port_range_min must be <= port_range_max");
        assertThat(neutron.message(400, neutron.call("POST", "/security-group-rules", new JsonObject()
                .put("security_group_rule", rule.copy().put("protocol", "icmp").put("port_range_max", 256)).encode())))
                .contains("Invalid value for ICMP code");
        assertThat(neutron.error(400, neutron.call("POST", "/security-group-rules", new JsonObject()
                .put("security_group_rule", rule.copy().put("remote_ip_prefix", "10.0.0.0/8")
                        .put("remote_group_id", gid)).encode()))).isEqualTo("SecurityGroupRemoteGroupAndRemoteIpPrefix");
        neutron.expect(204, neutron.call("DELETE", "/security-groups/" + gid, null));
        assertThat(neutron.expect(200, neutron.get("/security-group-rules?security_group_id=" + gid))
                .getJsonArray("security_group_rules")).isEmpty();
    }

    @Test
    void tagsFilterAndPagesLinkOn() {
        for (String name : new String[] {"p1", "p2", "p3"}) {
            JsonObject net = neutron.network("page-" + name);
            neutron.expect(201, neutron.call("PUT", "/networks/" + net.getString("id") + "/tags/paged", null));
        }
        neutron.expect(204, neutron.call("GET", "/networks/" + neutron.expect(200, neutron.get("/networks?name=page-p1"))
                .getJsonArray("networks").getJsonObject(0).getString("id") + "/tags/paged", null));
        JsonObject first = neutron.expect(200, neutron.get("/networks?tags=paged&limit=2&sort_key=name&fields=name"));
        assertThat(first.getJsonArray("networks").stream().map(n -> ((JsonObject) n).getString("name")))
                .containsExactly("page-p1", "page-p2");
        assertThat(((JsonObject) first.getJsonArray("networks").getValue(0)).fieldNames()).containsExactly("name");
        JsonObject next = first.getJsonArray("networks_links").stream().map(l -> (JsonObject) l)
                .filter(l -> l.getString("rel").equals("next")).findFirst().orElseThrow();
        assertThat(next.getString("href")).contains("marker=");
        assertThat(neutron.expect(200, neutron.get("/networks?not-tags=paged&name=page-p1")).getJsonArray("networks"))
                .isEmpty();
    }

    @Test
    void quotasAndExtensionsTellWhatIsThere() {
        String project = neutron.expect(200, neutron.get("/networks?name=private")).getJsonArray("networks")
                .getJsonObject(0).getString("project_id");
        JsonObject quota = neutron.expect(200, neutron.get("/quotas/" + project)).getJsonObject("quota");
        assertThat(quota.getInteger("router")).isEqualTo(10);
        neutron.expect(403, neutron.get("/quotas/someone-else"));
        int routers = neutron.expect(200, neutron.get("/quotas/" + project + "/details")).getJsonObject("quota")
                .getJsonObject("router").getInteger("used");
        for (int i = routers; i < 10; i++) {
            neutron.create("routers", "router", new JsonObject().put("name", "q" + i));
        }
        assertThat(neutron.error(409, neutron.call("POST", "/routers", "{\"router\":{}}"))).isEqualTo("OverQuota");
        assertThat(neutron.expect(200, neutron.get("/extensions/router")).getJsonObject("extension")
                .getString("alias")).isEqualTo("router");
        neutron.expect(404, neutron.get("/extensions/dvr"));
    }
}

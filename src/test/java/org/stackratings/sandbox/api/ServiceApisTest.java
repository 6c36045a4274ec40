package org.stackratings.sandbox.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackratings.sandbox.MutableClock;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.profile.CloudProfile;

class ServiceApisTest {

    private static final String PROJECT_ID = "0f3c2a8e5b7d4c1f9a6e3b2d1c0f9e8a";
    private static SandboxFixture sandbox;
    private static String base;
    private static String token;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(SandboxFixture.testClouds());
        base = sandbox.server.baseUrl() + "/alpha";
        token = sandbox.token("alpha", "alpha-secret");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static RequestSpecification authed() {
        return given().header("X-Auth-Token", token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/compute/v2.1/flavors", "/compute/v2.1/flavors/detail", "/compute/v2.1/servers",
        "/compute/v2.1/limits", "/compute/v2.1/os-keypairs", "/compute/v2.1/os-availability-zone",
        "/compute/v2.1/images", "/image/v2/images", "/image/v2/schemas/image", "/network/v2.0/networks",
        "/network/v2.0/subnets", "/network/v2.0/extensions", "/volume/v3/" + PROJECT_ID + "/volumes",
        "/volume/v3/" + PROJECT_ID + "/volumes/detail", "/volume/v3/" + PROJECT_ID + "/os-availability-zone"})
    void everyServiceNeedsAValidToken(String path) {
        given().get(base + path).then().statusCode(401)
                .body("error.code", equalTo(401)).body("error.title", equalTo("Unauthorized"))
                .header("WWW-Authenticate", notNullValue());
        given().header("X-Auth-Token", "gAAAAABnot-a-token").get(base + path).then().statusCode(401);
        authed().get(base + path).then().statusCode(200);
    }

    @Test
    void expiredTokensAreRefused() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-25T10:00:00Z"));
        try (SandboxFixture timed = SandboxFixture.start(
                java.util.List.of(CloudProfile.basic("ttl", "pw").withTokenTtl(java.time.Duration.ofMinutes(5))),
                clock)) {
            String t = timed.token("ttl", "pw");
            String url = timed.server.baseUrl() + "/ttl/compute/v2.1/flavors";
            given().header("X-Auth-Token", t).get(url).then().statusCode(200);
            clock.advance(java.time.Duration.ofMinutes(5));
            given().header("X-Auth-Token", t).get(url).then().statusCode(401);
        }
    }

    @Test
    void computeVersions() {
        given().get(base + "/compute/").then().statusCode(200)
                .body("versions[0].id", equalTo("v2.0"))
                .body("versions[1].id", equalTo("v2.1"))
                .body("versions[1].status", equalTo("CURRENT"))
                .body("versions[1].min_version", equalTo("2.1"))
                .body("versions[1].version", equalTo("2.90"))
                .body("versions[1].links[0].href", equalTo(base + "/compute/v2.1/"));
        given().get(base + "/compute/v2.1").then().statusCode(200)
                .body("version.id", equalTo("v2.1"))
                .body("version.min_version", equalTo("2.1"))
                .body("version.version", equalTo("2.90"))
                .body("version.media-types[0].base", equalTo("application/json"))
                .body("version.links.rel", hasItem("self"));
    }

    @Test
    void flavorsAndMicroversions() {
        authed().get(base + "/compute/v2.1/flavors").then().statusCode(200)
                .header("OpenStack-API-Version", "compute 2.1")
                .header("X-OpenStack-Nova-API-Version", "2.1")
                .header("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version")
                .body("flavors.name", containsInAnyOrder("m1.tiny", "m1.small", "m1.medium"))
                .body("flavors[0]", not(hasKey("ram")))
                .body("flavors[0].links.rel", containsInAnyOrder("self", "bookmark"));
        authed().get(base + "/compute/v2.1/flavors/detail").then().statusCode(200)
                .body("flavors.find { it.id == '1' }.name", equalTo("m1.tiny"))
                .body("flavors.find { it.id == '1' }.ram", equalTo(512))
                .body("flavors.find { it.id == '1' }.vcpus", equalTo(1))
                .body("flavors.find { it.id == '1' }.disk", equalTo(1))
                .body("flavors.find { it.id == '1' }.swap", equalTo(""))
                .body("flavors.find { it.id == '1' }.'os-flavor-access:is_public'", equalTo(true))
                .body("flavors.find { it.id == '1' }.'OS-FLV-EXT-DATA:ephemeral'", equalTo(0));
        authed().header("OpenStack-API-Version", "compute 2.79").get(base + "/compute/v2.1/flavors/detail")
                .then().statusCode(200).header("OpenStack-API-Version", "compute 2.79")
                .body("flavors[0].swap", equalTo(0)).body("flavors[0].extra_specs", notNullValue());
        authed().header("X-OpenStack-Nova-API-Version", "latest").get(base + "/compute/v2.1/flavors")
                .then().statusCode(200).header("X-OpenStack-Nova-API-Version", "2.90");
        authed().header("OpenStack-API-Version", "compute 2.91").get(base + "/compute/v2.1/flavors")
                .then().statusCode(406);
        authed().get(base + "/compute/v2.1/flavors/2").then().statusCode(200)
                .body("flavor.name", equalTo("m1.small")).body("flavor.ram", equalTo(2048));
        authed().get(base + "/compute/v2.1/flavors/99").then().statusCode(404)
                .body("itemNotFound.code", equalTo(404));
        authed().get(base + "/compute/v2.1/flavors/1/os-extra_specs").then().statusCode(200)
                .body("extra_specs", notNullValue());
    }

    @Test
    void computeAcceptsAProjectIdInThePath() {
        authed().get(base + "/compute/v2.1/" + PROJECT_ID + "/flavors/detail").then().statusCode(200)
                .body("flavors.size()", equalTo(3));
        authed().get(base + "/compute/v2.1/" + PROJECT_ID + "/servers").then().statusCode(200);
    }

    @Test
    void computeImageProxyServersLimitsKeypairsZones() {
        authed().get(base + "/compute/v2.1/images/detail").then().statusCode(200)
                .body("images.size()", equalTo(2))
                .body("images.status", everyItem(equalTo("ACTIVE")))
                .body("images.name", hasItem("cirros-0.6.2-x86_64-disk"))
                .body("images[0].minDisk", notNullValue());
        authed().get(base + "/compute/v2.1/images").then().statusCode(200).body("images[0]", not(hasKey("status")));
        authed().header("OpenStack-API-Version", "compute 2.36").get(base + "/compute/v2.1/images")
                .then().statusCode(404);
        authed().get(base + "/compute/v2.1/servers").then().statusCode(200).body("servers.size()", equalTo(0));
        authed().get(base + "/compute/v2.1/servers/detail").then().statusCode(200).body("servers.size()", equalTo(0));
        authed().get(base + "/compute/v2.1/limits").then().statusCode(200)
                .body("limits.absolute.maxTotalInstances", equalTo(50))
                .body("limits.absolute.totalInstancesUsed", equalTo(0))
                .body("limits.rate.size()", equalTo(0));
        authed().get(base + "/compute/v2.1/os-keypairs").then().statusCode(200).body("keypairs.size()", equalTo(0));
        authed().get(base + "/compute/v2.1/os-availability-zone").then().statusCode(200)
                .body("availabilityZoneInfo[0].zoneName", equalTo("nova"))
                .body("availabilityZoneInfo[0].zoneState.available", equalTo(true));
        authed().get(base + "/compute/v2.1/no-such-thing").then().statusCode(404)
                .body("itemNotFound.code", equalTo(404));
    }

    @Test
    void glance() {
        given().get(base + "/image/").then().statusCode(300).body("versions[0].status", equalTo("CURRENT"))
                .body("versions.id", hasItem("v2.0"));
        var images = authed().get(base + "/image/v2/images").then().statusCode(200)
                .body("schema", equalTo("/v2/schemas/images"))
                .body("first", equalTo("/v2/images"))
                .body("images.size()", equalTo(2))
                .body("images.find { it.name.startsWith('cirros') }.status", equalTo("active"))
                .body("images.find { it.name.startsWith('cirros') }.visibility", equalTo("public"))
                .body("images.find { it.name.startsWith('cirros') }.disk_format", equalTo("qcow2"))
                .body("images.find { it.name.startsWith('cirros') }.container_format", equalTo("bare"))
                .body("images.name", hasItem("ubuntu-24.04-server"))
                .extract().jsonPath();
        String id = images.getString("images[0].id");
        authed().get(base + "/image/v2/images/" + id).then().statusCode(200).body("id", equalTo(id))
                .body("self", equalTo("/v2/images/" + id));
        authed().get(base + "/image/v2/images/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        authed().queryParam("limit", 1).get(base + "/image/v2/images").then().statusCode(200)
                .body("images.size()", equalTo(1)).body("next", notNullValue());
        authed().queryParam("name", "ubuntu-24.04-server").get(base + "/image/v2/images").then()
                .body("images.size()", equalTo(1));
        authed().get(base + "/image/v2/schemas/image").then().statusCode(200).body("name", equalTo("image"))
                .body("properties.id.type", equalTo("string"));
        authed().get(base + "/image/v2/schemas/images").then().statusCode(200).body("name", equalTo("images"));
    }

    @Test
    void neutron() {
        given().get(base + "/network/").then().statusCode(200).body("versions[0].id", equalTo("v2.0"))
                .body("versions[0].status", equalTo("CURRENT"));
        var nets = authed().get(base + "/network/v2.0/networks").then().statusCode(200)
                .body("networks.name", containsInAnyOrder("private", "public"))
                .body("networks.find { it.name == 'public' }.'router:external'", equalTo(true))
                .body("networks.find { it.name == 'private' }.status", equalTo("ACTIVE"))
                .body("networks.find { it.name == 'private' }.project_id", equalTo(PROJECT_ID))
                .body("networks.find { it.name == 'private' }.admin_state_up", equalTo(true))
                .body("networks.find { it.name == 'private' }.subnets.size()", equalTo(1))
                .extract().jsonPath();
        String id = nets.getString("networks[0].id");
        authed().get(base + "/network/v2.0/networks/" + id).then().statusCode(200).body("network.id", equalTo(id));
        authed().get(base + "/network/v2.0/networks/nope").then().statusCode(404)
                .body("NeutronError.type", equalTo("NetworkNotFound"));
        authed().queryParam("name", "private").get(base + "/network/v2.0/networks").then()
                .body("networks.size()", equalTo(1));
        authed().get(base + "/network/v2.0/subnets").then().statusCode(200)
                .body("subnets.cidr", containsInAnyOrder("10.0.0.0/26")) // the external network's is the operator's
                .body("subnets[0].ip_version", equalTo(4))
                .body("subnets[0].allocation_pools[0].start", notNullValue());
        authed().get(base + "/network/v2.0/extensions").then().statusCode(200)
                .body("extensions.alias", hasItem("external-net"));
    }

    @Test
    void cinder() {
        given().get(base + "/volume/").then().statusCode(300)
                .body("versions[0].id", equalTo("v3.0"))
                .body("versions[0].min_version", equalTo("3.0"))
                .body("versions[0].version", equalTo("3.70"));
        String volumes = base + "/volume/v3/" + PROJECT_ID + "/volumes";
        authed().get(volumes).then().statusCode(200).header("OpenStack-API-Version", "volume 3.0")
                .body("volumes.name", containsInAnyOrder("probe-data", "probe-boot"))
                .body("volumes[0]", not(hasKey("status")));
        var detail = authed().get(volumes + "/detail").then().statusCode(200)
                .body("volumes.status", everyItem(equalTo("available")))
                .body("volumes.find { it.name == 'probe-data' }.size", equalTo(1))
                .body("volumes.find { it.name == 'probe-boot' }.bootable", equalTo("true"))
                .body("volumes[0].availability_zone", equalTo("nova"))
                .extract().jsonPath();
        String id = detail.getString("volumes[0].id");
        authed().get(volumes + "/" + id).then().statusCode(200).body("volume.id", equalTo(id));
        authed().get(volumes + "/nope").then().statusCode(404).body("itemNotFound.code", equalTo(404));
        authed().header("OpenStack-API-Version", "volume 3.59").get(volumes).then()
                .header("OpenStack-API-Version", "volume 3.59");
        authed().get(base + "/volume/v3/" + PROJECT_ID + "/os-availability-zone").then().statusCode(200)
                .body("availabilityZoneInfo[0].zoneName", equalTo("nova"));
        authed().get(base + "/volume/v3/ffffffffffffffffffffffffffffffff/volumes").then().statusCode(403);
    }
}

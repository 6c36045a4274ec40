package org.stackratings.compliance.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.SandboxTestResource;

/**
 * What a conformance run left on a sandbox cloud, listed through the cloud's own APIs as user {@code probe}: every
 * server, keypair, image, volume, snapshot, network, subnet, port, router, security group and subnet pool whose name
 * starts with {@link RunMarker#PREFIX}.
 */
final class RunLeftovers {

    private static final List<String> NEUTRON = List.of("networks", "subnets", "ports", "routers", "security-groups",
            "subnetpools");

    private RunLeftovers() {
    }

    /** What the cloud holds named for a run ({@code withVolumes}: whether it has Cinder, whose lists to read too). */
    static List<String> find(String cloud, boolean withVolumes) {
        Response issued = RestAssured.given().contentType(ContentType.JSON).body(SandboxFixture.byName("probe", "pw"))
                .post(SandboxTestResource.server().authUrl(cloud) + "/auth/tokens");
        assertThat(issued.statusCode()).isEqualTo(201);
        String token = issued.header("X-Subject-Token");
        String project = issued.jsonPath().getString("token.project.id");
        String base = SandboxTestResource.server().baseUrl() + "/" + cloud;
        List<String> found = new ArrayList<>();
        found.addAll(names(token, base + "/compute/v2.1/servers", "servers.name"));
        found.addAll(names(token, base + "/compute/v2.1/os-keypairs", "keypairs.keypair.name"));
        found.addAll(names(token, base + "/image/v2/images", "images.name"));
        for (String collection : NEUTRON) {
            found.addAll(names(token, base + "/network/v2.0/" + collection, collection.replace('-', '_') + ".name"));
        }
        if (withVolumes) {
            found.addAll(names(token, base + "/volume/v3/" + project + "/volumes", "volumes.name"));
            found.addAll(names(token, base + "/volume/v3/" + project + "/snapshots", "snapshots.name"));
        }
        return found;
    }

    private static List<String> names(String token, String url, String path) {
        Response listed = RestAssured.given().header("X-Auth-Token", token).get(url);
        assertThat(listed.statusCode()).as(url).isEqualTo(200);
        List<String> names = listed.jsonPath().getList(path, String.class);
        return names.stream().filter(n -> n != null && n.startsWith(RunMarker.PREFIX)).map(n -> url + ": " + n)
                .toList();
    }
}

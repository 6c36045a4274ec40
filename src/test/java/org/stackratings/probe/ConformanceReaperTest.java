package org.stackratings.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.stackratings.ApiTestSupport;
import org.stackratings.compliance.conformance.ConformanceProbe;
import org.stackratings.compliance.conformance.RunMarker;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.member.MemberService;
import org.stackratings.openstack.ApiAnswer;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudAccount;
import org.stackratings.openstack.CloudClient;
import org.stackratings.openstack.CloudService;
import org.stackratings.openstack.CloudSession;
import org.stackratings.sandbox.SandboxTestResource;

/**
 * The reaper deletes what a conformance run left (a run killed mid-way, say) once the run is past the TTL: every kind
 * of resource with both of the run's marks, in dependency order; never a resource with one mark only, nor one named
 * for a run the agency never made, nor the leftovers of a run still in flight.
 */
@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class ConformanceReaperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ProbeServerReaper reaper;
    @Inject
    MeasurementStore store;
    @Inject
    MemberService members;
    @Inject
    CloudClient client;

    @Test
    void everyMarkedResourceOfAnOldRunIsDeletedAndNothingElse() throws Exception {
        String cloud = "reaped-" + UUID.randomUUID().toString().substring(0, 8);
        ApiTestSupport.yaml().body("name: " + cloud + "\nusers: [ { name: probe, password: pw } ]\n")
                .put(SandboxTestResource.server().baseUrl() + "/_sandbox/clouds/" + cloud).then().statusCode(201);
        String slug = uniqueSlug("reaped");
        admin().body(memberBody(slug, SandboxTestResource.server().authUrl(cloud), "pw", false)).post("/api/v1/members")
                .then().statusCode(201);
        long memberId = members.account(slug).orElseThrow().memberId();
        UUID run = store.startRun(memberId, ConformanceProbe.NAME, RunTrigger.SCHEDULED);
        RunMarker marker = new RunMarker(run);
        CloudSession session = session(cloud);
        String tag = marker.tag();

        String server = id(session, ApiCall.of(CloudService.COMPUTE, "POST", "/servers", "{\"server\":{\"name\":\""
                + marker.name("server") + "\",\"flavorRef\":\"" + session.pickFlavor(null) + "\",\"imageRef\":\""
                + session.pickImage(null) + "\",\"metadata\":{\"" + RunMarker.KEY + "\":\"" + run + "\"}}}"), "/server/id");
        String decoy = id(session, ApiCall.of(CloudService.COMPUTE, "POST", "/servers", "{\"server\":{\"name\":\""
                + marker.name("one-mark-only") + "\",\"flavorRef\":\"" + session.pickFlavor(null) + "\",\"imageRef\":\""
                + session.pickImage(null) + "\"}}"), "/server/id");
        String stranger = new RunMarker(UUID.randomUUID()).name("never-run");
        id(session, ApiCall.of(CloudService.COMPUTE, "POST", "/os-keypairs", "{\"keypair\":{\"name\":\"" + stranger
                + "\"}}"), "/keypair/name");
        id(session, ApiCall.of(CloudService.COMPUTE, "POST", "/os-keypairs", "{\"keypair\":{\"name\":\""
                + marker.name("key") + "\"}}"), "/keypair/name");
        String volume = id(session, ApiCall.of(CloudService.VOLUME, "POST", "/volumes", "{\"volume\":{\"size\":1,"
                + "\"name\":\"" + marker.name("volume") + "\",\"metadata\":{\"" + RunMarker.KEY + "\":\"" + run
                + "\"}}}"), "/volume/id");
        awaitStatus(session, "/volumes/" + volume, "/volume/status", "available");
        id(session, ApiCall.of(CloudService.VOLUME, "POST", "/snapshots", "{\"snapshot\":{\"volume_id\":\"" + volume
                + "\",\"name\":\"" + marker.name("snapshot") + "\",\"metadata\":{\"" + RunMarker.KEY + "\":\"" + run
                + "\"}}}"), "/snapshot/id");
        id(session, ApiCall.of(CloudService.IMAGE, "POST", "/v2/images", "{\"name\":\"" + marker.name("image")
                + "\",\"disk_format\":\"raw\",\"container_format\":\"bare\",\"tags\":[\"" + tag + "\"]}"), "/id");
        String network = id(session, neutron("networks", "network", marker.name("network"), tag, ""), "/network/id");
        String subnet = id(session, neutron("subnets", "subnet", marker.name("subnet"), tag, ",\"network_id\":\""
                + network + "\",\"ip_version\":4,\"cidr\":\"10.77.0.0/24\""), "/subnet/id");
        String router = id(session, neutron("routers", "router", marker.name("router"), tag, ""), "/router/id");
        assertThat(session.call(ApiCall.of(CloudService.NETWORK, "PUT", "/v2.0/routers/" + router
                + "/add_router_interface", "{\"subnet_id\":\"" + subnet + "\"}")).status()).isEqualTo(200);
        id(session, neutron("ports", "port", marker.name("port"), tag, ",\"network_id\":\"" + network + "\""),
                "/port/id");
        id(session, neutron("security-groups", "security_group", marker.name("group"), tag, ""), "/security_group/id");
        id(session, neutron("subnetpools", "subnetpool", marker.name("pool"), tag, ",\"prefixes\":[\"10.99.0.0/16\"]"),
                "/subnetpool/id");
        awaitStatus(session, "/servers/" + server, "/server/status", "ACTIVE");
        assertThat(session.call(ApiCall.of(CloudService.COMPUTE, "POST", "/servers/" + server + "/action",
                "{\"createImage\":{\"name\":\"" + marker.name("server-snapshot") + "\",\"metadata\":{\""
                        + RunMarker.KEY + "\":\"" + run + "\"}}}")).status()).as("a snapshot marked by its property only")
                .isEqualTo(202);

        assertThat(reaper.reapConformance(slug, Instant.now().plus(Duration.ofMinutes(5))))
                .as("a run younger than the TTL is left alone").isZero();
        assertThat(reaper.reapConformance(slug, Instant.now().plus(Duration.ofHours(2)))).isEqualTo(1);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(names(session)).containsExactlyInAnyOrder(marker.name("one-mark-only"), stranger));
        assertThat(session.call(ApiCall.get(CloudService.COMPUTE, "/servers/" + decoy)).status()).isEqualTo(200);
    }

    private static ApiCall neutron(String collection, String singular, String name, String tag, String extra) {
        return ApiCall.of(CloudService.NETWORK, "POST", "/v2.0/" + collection, "{\"" + singular + "\":{\"name\":\""
                + name + "\",\"description\":\"" + tag + "\"" + extra + "}}");
    }

    private static String id(CloudSession session, ApiCall call, String pointer) throws Exception {
        ApiAnswer answer = session.call(call);
        assertThat(answer.status()).as(call.describe() + " " + answer.body()).isBetween(200, 202);
        return JSON.readTree(answer.body()).at(pointer).asText();
    }

    private static void awaitStatus(CloudSession session, String path, String pointer, String status) {
        CloudService service = path.startsWith("/volumes") ? CloudService.VOLUME : CloudService.COMPUTE;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                status.equals(JSON.readTree(session.call(ApiCall.get(service, path)).body()).at(pointer).asText()));
    }

    /** Every name of the project's resources that starts with the conformance prefix. */
    private static List<String> names(CloudSession session) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        for (String[] listing : new String[][] {{"COMPUTE", "/servers", "/servers"},
                {"COMPUTE", "/os-keypairs", "/keypairs"}, {"VOLUME", "/volumes", "/volumes"},
                {"VOLUME", "/snapshots", "/snapshots"}, {"IMAGE", "/v2/images", "/images"},
                {"NETWORK", "/v2.0/networks", "/networks"}, {"NETWORK", "/v2.0/subnets", "/subnets"},
                {"NETWORK", "/v2.0/routers", "/routers"}, {"NETWORK", "/v2.0/ports", "/ports"},
                {"NETWORK", "/v2.0/security-groups", "/security_groups"},
                {"NETWORK", "/v2.0/subnetpools", "/subnetpools"}}) {
            JsonNode list = JSON.readTree(session.call(ApiCall.get(CloudService.valueOf(listing[0]), listing[1]))
                    .body()).at(listing[2]);
            for (JsonNode item : list) {
                String name = (item.has("keypair") ? item.path("keypair") : item).path("name").asText("");
                if (name.startsWith(RunMarker.PREFIX)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private CloudSession session(String cloud) {
        return client.authenticate(new CloudAccount(SandboxTestResource.server().authUrl(cloud), "RegionOne", null,
                        "probe", "Default", false, "probe", "Default", null, "pw", Set.of(), true, List.of("127.0.0.0/8")),
                new org.stackratings.openstack.CallLimits(Duration.ofSeconds(5), Duration.ofSeconds(10),
                        Duration.ofSeconds(20), 4 << 20, 64 << 10,
                        org.stackratings.openstack.RunDeadline.after(Duration.ofMinutes(2))));
    }
}

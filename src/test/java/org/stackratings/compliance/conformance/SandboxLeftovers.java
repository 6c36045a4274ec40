package org.stackratings.compliance.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.stackratings.openstack.ApiAnswer;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudAccount;
import org.stackratings.openstack.CloudClient;
import org.stackratings.openstack.CloudService;
import org.stackratings.openstack.CloudSession;
import org.stackratings.sandbox.SandboxTestResource;

/** Lists, through a sandbox cloud's own APIs, every resource whose name carries a conformance run's prefix. */
final class SandboxLeftovers {

    private record Listing(CloudService service, String path, String field) {
    }

    private static final List<Listing> LISTINGS = List.of(
            new Listing(CloudService.COMPUTE, "/servers", "servers"),
            new Listing(CloudService.COMPUTE, "/os-keypairs", "keypairs"),
            new Listing(CloudService.IMAGE, "/v2/images", "images"),
            new Listing(CloudService.VOLUME, "/volumes", "volumes"),
            new Listing(CloudService.VOLUME, "/snapshots", "snapshots"),
            new Listing(CloudService.NETWORK, "/v2.0/networks", "networks"),
            new Listing(CloudService.NETWORK, "/v2.0/subnets", "subnets"),
            new Listing(CloudService.NETWORK, "/v2.0/ports", "ports"),
            new Listing(CloudService.NETWORK, "/v2.0/routers", "routers"),
            new Listing(CloudService.NETWORK, "/v2.0/security-groups", "security_groups"),
            new Listing(CloudService.NETWORK, "/v2.0/subnetpools", "subnetpools"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxLeftovers() {
    }

    static List<String> leftovers(String cloud) {
        CloudSession session = CDI.current().select(CloudClient.class).get().authenticate(new CloudAccount(
                        SandboxTestResource.server().authUrl(cloud), "RegionOne", null, "probe", "Default", false, "probe",
                        "Default", null, "pw", Set.of(), true, List.of("127.0.0.0/8")),
                ConformanceHarness.limits(Duration.ofMinutes(1)));
        List<String> left = new ArrayList<>();
        for (Listing listing : LISTINGS) {
            if (!session.offers(listing.service())) {
                continue;
            }
            ApiAnswer answer = session.call(ApiCall.get(listing.service(), listing.path()));
            assertThat(answer.status()).as(listing.path()).isEqualTo(200);
            try {
                for (JsonNode item : JSON.readTree(answer.body()).path(listing.field())) {
                    JsonNode named = item.has("keypair") ? item.path("keypair") : item;
                    if (named.path("name").asText("").startsWith(RunMarker.PREFIX)) {
                        left.add(listing.field() + " " + named.path("name").asText());
                    }
                }
            } catch (java.io.IOException e) {
                throw new AssertionError("the sandbox answered " + listing.path() + " with no JSON", e);
            }
        }
        return left;
    }

    static void assertNothingLeft(String cloud) {
        assertThat(leftovers(cloud)).as("resources the run left in " + cloud).isEmpty();
    }
}

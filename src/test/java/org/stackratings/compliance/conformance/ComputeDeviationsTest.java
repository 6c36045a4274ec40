package org.stackratings.compliance.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stackratings.compliance.conformance.checks.Absent;
import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.measurement.conformance.ConformanceStatus;
import org.stackratings.sandbox.SandboxTestResource;

/**
 * Each compute, identity and image capability has a sandbox deviation on its distinctive call that fails it. One run
 * carries them all: the capabilities that fail are exactly the ones aimed at (no deviation fails another
 * capability), and each one's evidence names the call that showed it. The deviations are in the profile YAML the
 * dev clouds use (docs/sandbox.md, "Deviations"); docs/compliance.md lists them per capability.
 */
@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class ComputeDeviationsTest {

    /** Capability → (deviation, a text its evidence must contain). */
    static final Map<String, String[]> DEVIATIONS = new LinkedHashMap<>();

    static {
        aim("compute-availability-zones-list", "{ service: compute, path: \"/v2.1/os-availability-zone\", missing: true }",
                "GET compute /os-availability-zone");
        aim("compute-flavors-list", "{ service: compute, method: GET, path: \"/v2.1/flavors\", field: /flavors }",
                "GET compute /flavors");
        aim("compute-quotas-get", "{ service: compute, method: GET, path: \"/v2.1/os-quota-sets/*\", status: 404 }",
                "/os-quota-sets/");
        aim("compute-servers-get", "{ service: compute, method: GET, path: \"/v2.1/servers/" + Absent.ID
                + "\", status: 200, body: '{\"server\":{}}' }", Absent.ID);
        aim("compute-servers-list", "{ service: compute, method: GET, path: \"/v2.1/servers\", query: \"limit=-1\","
                + " status: 200, body: '{\"servers\":[]}' }", "limit=-1");
        aim("compute-list-api-versions", "{ service: compute, method: GET, path: \"/\", status: 200,"
                + " body: '{\"versions\":[]}' }", "GET compute (root)");
        aim("compute-servers-invalid", "{ service: compute, method: POST, path: \"/v2.1/servers\","
                + " action: /server/accessIPv6, status: 202, body: '{\"server\":{\"id\":\"accepted\"}}' }",
                "an invalid IPv6 address is refused");
        aim("compute-servers-name", "{ service: compute, method: POST, path: \"/v2.1/servers\","
                + " action: \"/server/name=\", status: 202, body: '{\"server\":{\"id\":\"accepted\"}}' }",
                "a blank name is refused");
        aim("identity-v3-api-discovery", "{ service: identity, method: GET, path: \"/v3\", field: /version/status,"
                + " value: bogus }", "GET identity ");
        aim("identity-v3-tokens-validate", "{ service: identity, method: GET, path: \"/v3/auth/tokens\","
                + " field: /token/expires_at }", "GET identity /auth/tokens");
        aim("compute-keypairs-create", "{ service: compute, method: GET, path: \"/v2.1/os-keypairs\", field: /keypairs,"
                + " value: [] }", "GET compute /os-keypairs");
        aim("compute-keypairs-create-type", "{ service: compute, method: GET, path: \"/v2.1/os-keypairs/*\","
                + " field: /keypair/type }", "GET compute /os-keypairs/");
        aim("compute-servers-create", "{ service: compute, method: POST, path: \"/v2.1/servers\","
                + " field: /server/adminPass }", "POST compute /servers");
        aim("compute-servers-create-multiple", "{ service: compute, method: GET, path: \"/v2.1/servers/detail\","
                + " query: name, field: /servers, value: [] }", "/servers/detail?name=");
        aim("compute-servers-delete", "{ service: compute, method: DELETE, path: \"/v2.1/servers/-1\", status: 204 }",
                "DELETE compute /servers/-1");
        aim("compute-servers-host", "{ service: compute, method: GET, path: \"/v2.1/servers/*\", field: /server/hostId,"
                + " value: \"\" }", "GET compute /servers/");
        aim("compute-servers-update", "{ service: compute, method: PUT, path: \"/v2.1/servers/*\","
                + " field: /server/accessIPv4, value: \"198.51.100.1\" }", "PUT compute /servers/");
        aim("compute-servers-verify", "{ service: compute, method: GET, path: \"/v2.1/flavors/*\", field: /flavor/vcpus,"
                + " value: 0 }", "GET compute /flavors/");
        aim("compute-servers-lock", "{ service: compute, method: POST, path: \"/v2.1/servers/*/action\", action: lock,"
                + " status: 202 }", "POST compute /servers/");
        aim("compute-servers-stop", "{ service: compute, method: POST, path: \"/v2.1/servers/"
                + Absent.ID + "/action\", action: os-stop, status: 202 }", Absent.ID);
        aim("compute-servers-reboot", "{ service: compute, method: POST, path: \"/v2.1/servers/"
                + Absent.ID + "/action\", action: reboot, status: 202 }", Absent.ID);
        aim("compute-servers-rebuild", "{ service: compute, method: POST, path: \"/v2.1/servers/"
                + Absent.ID + "/action\", action: rebuild, status: 202 }", Absent.ID);
        aim("compute-instance-actions-list", "{ service: compute, method: GET, path:"
                + " \"/v2.1/servers/*/os-instance-actions\", field: \"/instanceActions/*/action\", value: reboot }",
                "/os-instance-actions");
        aim("compute-instance-actions-get", "{ service: compute, method: GET, path:"
                + " \"/v2.1/servers/*/os-instance-actions/*\", status: 404 }", "/os-instance-actions/");
        aim("compute-servers-metadata-list", "{ service: compute, method: GET, path: \"/v2.1/servers/*/metadata\","
                + " field: /metadata, value: {} }", "/metadata");
        aim("compute-servers-metadata-get", "{ service: compute, method: GET, path:"
                + " \"/v2.1/servers/*/metadata/stackratings.run\", field: /meta, value: {} }", "/metadata/stackratings.run");
        aim("compute-servers-metadata-set", "{ service: compute, method: PUT, path: \"/v2.1/servers/*/metadata\","
                + " field: /metadata, value: {} }", "PUT compute /servers/");
        aim("compute-servers-metadata-update", "{ service: compute, method: POST, path: \"/v2.1/servers/*/metadata\","
                + " status: 200, body: '{\"metadata\":{}}' }", "/metadata/merged");
        aim("compute-servers-metadata-delete", "{ service: compute, method: DELETE, path:"
                + " \"/v2.1/servers/*/metadata/*\", status: 204 }", "/metadata/doomed");
        aim("compute-images-create", "{ service: compute, method: POST, path: \"/v2.1/servers/*/action\","
                + " action: createImage, status: 202 }", "POST compute /servers/");
        aim("identity-v3-catalog", "{ service: identity, method: GET, path: \"/v3/auth/catalog\", field: /catalog,"
                + " value: [] }", "GET identity /auth/catalog");
        aim("identity-v3-list-projects", "{ service: identity, method: GET, path: \"/v3/users/*/projects\","
                + " field: /projects, value: [] }", "/projects");
        aim("identity-v3-tokens-delete", "{ service: identity, method: DELETE, path: \"/v3/auth/tokens\", status: 204 }",
                "HEAD identity /auth/tokens");
        aim("images-v2-list", "{ service: image, method: GET, path: \"/v2/images\", query: size_max, field: /images,"
                + " value: [] }", "size_max");
        aim("images-v2-get", "{ service: image, method: GET, path: \"/v2/schemas/images\", status: 404 }",
                "GET image /v2/schemas/images");
        aim("images-v2-update", "{ service: image, method: PATCH, path: \"/v2/images/*\", field: /name,"
                + " value: unchanged }", "PATCH image /v2/images/");
        aim("images-v2-delete", "{ service: image, method: DELETE, path: \"/v2/images/*/tags/*\", status: 204 }",
                "/tags/no-such-tag");
    }

    private static void aim(String capability, String deviation, String evidence) {
        DEVIATIONS.put(capability, new String[] {deviation, evidence});
    }

    @Test
    void eachDeviationFailsExactlyItsCapabilityAndTheEvidenceNamesTheCall() {
        String deviations = DEVIATIONS.values().stream().map(d -> "  - " + d[0]).collect(Collectors.joining("\n"));
        String cloud = ConformanceHarness.cloud("deviations:\n" + deviations);
        ConformanceOutcome outcome = ConformanceHarness.run(cloud, null);

        assertThat(ConformanceHarness.withStatus(outcome, ConformanceStatus.FAIL)).as(ConformanceRunTest.failures(outcome))
                .filteredOn(c -> !c.startsWith("networks-") && !c.startsWith("volumes-")
                        && !c.equals("compute-volume-attach"))
                .containsExactlyInAnyOrderElementsOf(DEVIATIONS.keySet());
        DEVIATIONS.forEach((capability, deviation) -> assertThat(ConformanceHarness.of(outcome, capability)
                .evidenceJson()).as(capability).contains(deviation[1]).contains("\"problem\":\""));
        SandboxLeftovers.assertNothingLeft(cloud);
    }
}

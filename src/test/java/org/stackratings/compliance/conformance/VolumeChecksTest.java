package org.stackratings.compliance.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stackratings.compliance.conformance.GroupRuns.Deviation;
import org.stackratings.sandbox.SandboxTestResource;

/**
 * The volume check groups ({@code checks.volume.VolumeReadChecks}, {@code VolumeLifecycleChecks},
 * {@code VolumeCopyChecks}, {@code VolumeAttachChecks}) against sandbox clouds: a compliant cloud passes every volume
 * capability (and attaching a volume to a server) and keeps nothing of the run; a deviation on a capability's distinctive call fails exactly that
 * capability of the group, with the evidence naming the call; a cloud without block storage fails exactly the volume
 * capabilities. The runs go at once ({@link ParallelRuns}).
 */
@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class VolumeChecksTest {

    static final List<String> CAPABILITIES = List.of("compute-volume-attach", "volumes-list-api-versions",
            "volumes-v3-create-delete", "volumes-v3-snapshot-create-delete", "volumes-v3-get", "volumes-v3-list",
            "volumes-v3-update", "volumes-v3-copy-image-to-volume", "volumes-v3-clone",
            "volumes-v3-availability-zones", "volumes-v3-extensions", "volumes-v3-metadata", "volumes-v3-readonly",
            "volumes-v3-upload");

    private static final String VOLUMES = "/v3/{project_id}/volumes";

    static final List<Deviation> DEVIATIONS = List.of(
            new Deviation("compute-volume-attach", "{ service: compute, path: \"/v2.1/servers/*/os-volume_attachments\","
                    + " status: 200, body: '{\"volumeAttachments\": []}' }", "GET compute /servers/"),
            new Deviation("volumes-list-api-versions", "{ service: volume, path: \"/\", field: \"/versions/*/id\","
                    + " value: v2.0 }", "GET volume (root) "),
            new Deviation("volumes-v3-create-delete", "{ service: volume, method: POST, path: \"" + VOLUMES + "\","
                    + " field: /volume/status, value: creating, status: 202 }", "POST volume /volumes"),
            new Deviation("volumes-v3-snapshot-create-delete", "{ service: volume, method: POST,"
                    + " path: \"/v3/{project_id}/snapshots\", status: 202, body: '{\"snapshot\": {}}' }",
                    "POST volume /snapshots"),
            new Deviation("volumes-v3-get", "{ service: volume, path: \"" + VOLUMES + "/*\", field: /volume/size }",
                    "GET volume /volumes/"),
            new Deviation("volumes-v3-list", "{ service: volume, path: \"" + VOLUMES + "/detail\", query: name,"
                    + " status: 200, body: '{\"volumes\": []}' }", "GET volume /volumes/detail?name="),
            new Deviation("volumes-v3-update", "{ service: volume, method: PUT, path: \"" + VOLUMES + "/*\","
                    + " field: /volume/name, value: unchanged }", "PUT volume /volumes/"),
            new Deviation("volumes-v3-copy-image-to-volume", "{ service: volume, method: POST,"
                    + " path: \"" + VOLUMES + "/*/action\", action: os-set_bootable, status: 400 }",
                    "POST volume /volumes/"),
            new Deviation("volumes-v3-clone", "{ service: volume, path: \"" + VOLUMES + "/*\","
                    + " field: /volume/source_volid }", "GET volume /volumes/"),
            new Deviation("volumes-v3-availability-zones", "{ service: volume,"
                    + " path: \"/v3/{project_id}/os-availability-zone\", missing: true }",
                    "GET volume /os-availability-zone"),
            new Deviation("volumes-v3-extensions", "{ service: volume, path: \"/v3/{project_id}/extensions\","
                    + " field: \"/extensions/*/alias\" }", "GET volume /extensions"),
            new Deviation("volumes-v3-metadata", "{ service: volume, method: DELETE,"
                    + " path: \"" + VOLUMES + "/*/metadata/*\", status: 200 }", "GET volume /volumes/"),
            new Deviation("volumes-v3-readonly", "{ service: volume, method: POST, path: \"" + VOLUMES + "/*/action\","
                    + " action: os-update_readonly_flag, status: 202 }", "GET volume /volumes/"),
            new Deviation("volumes-v3-upload", "{ service: volume, method: POST, path: \"" + VOLUMES + "/*/action\","
                    + " action: os-volume_upload_image, status: 400 }", "POST volume /volumes/"));

    private static final ParallelRuns RUNS = GroupRuns.plan(Map.of("no block storage",
            new ParallelRuns.Planned("services: [identity, compute, image, network]", false)), DEVIATIONS);

    /** Keeps the probe a bean (nothing in the application injects it yet, so Quarkus would remove it). */
    @Inject
    ConformanceProbe probe;

    @Test
    void aCompliantCloudPassesEveryVolumeCapabilityAndKeepsNothing() {
        GroupRuns.assertPassesEvery(RUNS.finished("compliant"), CAPABILITIES);
    }

    @Test
    void aCloudWithoutBlockStorageFailsExactlyTheVolumeCapabilities() {
        ParallelRuns.Finished run = RUNS.finished("no block storage");
        List<String> both = new ArrayList<>(CAPABILITIES);
        both.addAll(NetworkChecksTest.CAPABILITIES);
        assertThat(GroupRuns.failing(run.outcome(), both)).as(GroupRuns.describe(run.outcome(), both))
                .containsExactlyElementsOf(CAPABILITIES);
        assertThat(ConformanceHarness.of(run.outcome(), "volumes-v3-get").reason())
                .contains("the catalog lists no VOLUME endpoint");
        GroupRuns.assertLeftNothing(run);
    }

    static List<Deviation> deviations() {
        return DEVIATIONS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviations")
    void aDeviationOnItsDistinctiveCallFailsExactlyThatCapability(Deviation deviation) {
        GroupRuns.assertFailsExactlyItsCapability(RUNS.finished(deviation.capability()), CAPABILITIES, deviation);
    }
}

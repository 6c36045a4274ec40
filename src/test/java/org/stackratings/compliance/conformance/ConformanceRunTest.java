package org.stackratings.compliance.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.measurement.conformance.ConformanceStatus;
import org.stackratings.sandbox.SandboxTestResource;

/** A whole conformance run against sandbox clouds: what passes, what does not apply, and that nothing is left. */
@QuarkusTest
@WithTestResource(SandboxTestResource.class)
class ConformanceRunTest {

    @Test
    void aCompliantCloudFailsNothingAndResizeNeedsASecondFlavor() {
        String cloud = ConformanceHarness.cloud("");
        ConformanceOutcome outcome = ConformanceHarness.run(cloud, null);

        assertThat(ConformanceHarness.withStatus(outcome, ConformanceStatus.FAIL)).as(failures(outcome)).isEmpty();
        assertThat(ConformanceHarness.of(outcome, "compute-servers-resize").status())
                .isEqualTo(ConformanceStatus.NOT_APPLICABLE);
        assertThat(ConformanceHarness.of(outcome, "compute-servers-resize").reason())
                .contains("probes.conformance.flavorAlt");
        assertThat(ConformanceHarness.of(outcome, "compute-servers-metadata-set").evidenceJson())
                .contains("PUT compute /servers/").contains("\"status\":200");
        SandboxLeftovers.assertNothingLeft(cloud);
    }

    @Test
    void withASecondFlavorResizeIsChecked() {
        String cloud = ConformanceHarness.cloud("");
        ConformanceOutcome outcome = ConformanceHarness.run(cloud, "m1.small");

        assertThat(ConformanceHarness.of(outcome, "compute-servers-resize").status()).as(failures(outcome))
                .isEqualTo(ConformanceStatus.PASS);
        SandboxLeftovers.assertNothingLeft(cloud);
    }

    @Test
    void aResizeThatIsNeverConfirmedFailsOnlyResize() {
        String cloud = ConformanceHarness.cloud("deviations:\n  - { service: compute, method: POST, path:"
                + " \"/v2.1/servers/*/action\", action: confirmResize, status: 204 }");
        ConformanceOutcome outcome = ConformanceHarness.run(cloud, "m1.small");

        assertThat(ConformanceHarness.withStatus(outcome, ConformanceStatus.FAIL)).as(failures(outcome))
                .filteredOn(c -> c.startsWith("compute-") && !c.equals("compute-volume-attach"))
                .containsExactly("compute-servers-resize");
        assertThat(ConformanceHarness.of(outcome, "compute-servers-resize").reason()).contains("ACTIVE");
        SandboxLeftovers.assertNothingLeft(cloud);
    }

    static String failures(ConformanceOutcome outcome) {
        return outcome.capabilities().stream().filter(c -> c.status() == ConformanceStatus.FAIL)
                .map(c -> c.capability() + ": " + c.reason() + " " + c.evidenceJson())
                .collect(Collectors.joining("\n"));
    }
}

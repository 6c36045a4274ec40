package org.stackratings.compliance;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuidelineLoaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheSixtyRequiredCapabilitiesOfOpenStackPoweredCompute() {
        Guideline guideline = GuidelineLoader.load("interop/2020.06.json", "OpenStack Powered Compute");
        assertThat(guideline.id()).isEqualTo("2020.06");
        assertThat(guideline.required()).hasSize(60);
        assertThat(guideline.required()).extracting(Guideline.Capability::name)
                .contains("compute-servers-create", "identity-v3-tokens-create", "volumes-v3-upload");
        assertThat(guideline.required()).filteredOn(c -> c.name().equals("compute-servers-resize"))
                .singleElement().satisfies(c -> assertThat(c.flaggedTests()).isEqualTo(4));
        assertThat(guideline.required()).extracting(Guideline.Capability::name)
                .filteredOn(name -> CapabilityChecks.find(name).isPresent()).hasSize(CapabilityChecks.count());
    }

    @Test
    void docsComplianceNamesEveryRequiredCapabilityInTheRightTable() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/compliance.md"));
        String checked = doc.substring(doc.indexOf("## Checked capabilities"), doc.indexOf("## NOT_CHECKED capabilities"));
        String notChecked = doc.substring(doc.indexOf("## NOT_CHECKED capabilities"));
        for (Guideline.Capability capability : GuidelineLoader.load("interop/2020.06.json", "OpenStack Powered Compute").required()) {
            boolean hasCheck = CapabilityChecks.find(capability.name()).isPresent();
            assertThat(hasCheck ? checked : notChecked).as(capability.name()).contains("`" + capability.name() + "`");
            assertThat(hasCheck ? notChecked : checked).as(capability.name()).doesNotContain("`" + capability.name() + "`");
        }
    }

    @Test
    void badGuidelineDataFailsWithAMessageThatSaysWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> GuidelineLoader.load("interop/none.json", "OpenStack Powered Compute"))
                .isInstanceOf(InvalidGuidelineException.class).hasMessageContaining("neither a classpath resource nor a file");
        assertThatThrownBy(() -> GuidelineLoader.load("interop/2020.06.json", "OpenStack Powered Toaster"))
                .isInstanceOf(InvalidGuidelineException.class).hasMessageContaining("no platform 'OpenStack Powered Toaster'");
        assertThatThrownBy(() -> GuidelineLoader.parse(JSON.readTree("{\"platforms\":{}}"), "x.json", "P"))
                .isInstanceOf(InvalidGuidelineException.class).hasMessageContaining("metadata.id is missing");
        assertThatThrownBy(() -> GuidelineLoader.parse(JSON.readTree("""
                {"metadata":{"id":"t"},"platforms":{"P":{"components":[{"name":"c"}]}},
                 "components":{"c":{"capabilities":{"required":["ghost"]}}},"capabilities":{}}"""), "x.json", "P"))
                .isInstanceOf(InvalidGuidelineException.class).hasMessageContaining("'ghost' has no definition");
        assertThatThrownBy(() -> new GuidelineCatalog(new ComplianceConfig() {
            public String guideline() { return "application.properties"; }
            public String platform() { return "OpenStack Powered Compute"; }
            public java.time.Duration runDeadline() { return java.time.Duration.ofMinutes(1); }
        })).isInstanceOf(InvalidGuidelineException.class).hasMessageContaining("stackratings.compliance.guideline");
    }
}

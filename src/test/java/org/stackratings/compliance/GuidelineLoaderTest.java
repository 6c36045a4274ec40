package org.stackratings.compliance;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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
        assertThatThrownBy(() -> new GuidelineCatalog(config("application.properties", List.of(), Map.of())))
                .isInstanceOf(InvalidGuidelineException.class).hasMessageContaining("stackratings.compliance.guideline");
    }

    @Test
    void addOnsAreTargetsThatAddTheirCapabilitiesToThePlatformComponentsTheyRequire() {
        GuidelineCatalog catalog = new GuidelineCatalog(config("interop/2020.06.json",
                List.of("interop/dns.2020.06.json", "interop/orchestration.2020.06.json"),
                Map.of("dns-cloud", "DNS")));

        Guideline dns = catalog.target("DNS").orElseThrow();
        assertThat(dns.id()).isEqualTo("dns.2020.06");
        assertThat(dns.required()).hasSize(62).extracting(Guideline.Capability::name)
                .contains("dns-zone-crud", "dns-record-crud", "compute-servers-create");
        assertThat(catalog.target("Orchestration").orElseThrow().required()).hasSize(60 + 23);
        assertThat(catalog.target("OpenStack Powered Storage")).isPresent();
        assertThat(catalog.targetOf("dns-cloud")).isSameAs(dns);
        assertThat(catalog.targetOf("any-other")).isSameAs(catalog.guideline());
        assertThat(catalog.targetsInUse()).containsExactly(catalog.guideline(), dns);
    }

    @Test
    void aTargetThatDoesNotExistOrAnAddOnOnAnotherGuidelineIsRefusedAtStartUp() throws Exception {
        assertThatThrownBy(() -> new GuidelineCatalog(config("interop/2020.06.json", List.of(),
                Map.of("some-cloud", "DNS"))))
                .isInstanceOf(InvalidGuidelineException.class)
                .hasMessageContaining("stackratings.compliance.targets.some-cloud names target 'DNS'");
        String otherBase = new String(getClass().getClassLoader().getResourceAsStream("interop/dns.2020.06.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("/2020.06.json", "/2019.11.json");
        assertThatThrownBy(() -> GuidelineLoader.addOns(JSON.readTree(otherBase), "dns.json",
                GuidelineLoader.read("interop/2020.06.json"), "interop/2020.06.json"))
                .isInstanceOf(InvalidGuidelineException.class)
                .hasMessageContaining("builds on http://opendev.org/openstack/interop/2019.11.json, not on the configured"
                        + " guideline 2020.06");
        assertThatThrownBy(() -> GuidelineLoader.addOns(JSON.readTree("{\"metadata\":{\"id\":\"x\"}}"), "x.json",
                GuidelineLoader.read("interop/2020.06.json"), "interop/2020.06.json"))
                .isInstanceOf(InvalidGuidelineException.class).hasMessageContaining("no add-ons");
    }

    private static ComplianceConfig config(String guideline, List<String> addOns, Map<String, String> targets) {
        return new ComplianceConfig() {
            public String guideline() { return guideline; }
            public String platform() { return "OpenStack Powered Compute"; }
            public java.util.Optional<List<String>> addOns() { return java.util.Optional.of(addOns); }
            public Map<String, String> targets() { return targets; }
            public java.time.Duration runDeadline() { return java.time.Duration.ofMinutes(1); }
        };
    }
}

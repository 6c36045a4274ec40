package org.stackratings.rating;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/methodology.md and the methodology configuration the code reads must say the same numbers. */
class MethodologyDocumentTest {

    private final MethodologyConfig m = MethodologyFixture.methodology(Map.of());

    @Test
    void theGridTablesEqualTheConfiguration() throws Exception {
        String doc = Files.readString(Path.of("docs/methodology.md"));
        assertThat(row(doc, "| API availability (%) ≥")).isEqualTo(m.grids().apiAvailability());
        assertThat(row(doc, "| latency p50 (ms) ≤")).isEqualTo(m.grids().latencyP50());
        assertThat(row(doc, "| latency p95 (ms) ≤")).isEqualTo(m.grids().latencyP95());
        assertThat(row(doc, "| latency p99 (ms) ≤")).isEqualTo(m.grids().latencyP99());
        assertThat(row(doc, "| boot success (%) ≥")).isEqualTo(m.grids().bootSuccess());
        assertThat(row(doc, "| time-to-ACTIVE p95 (s) ≤")).isEqualTo(m.grids().timeToActiveP95Seconds());
        assertThat(row(doc, "| delete success (%) ≥")).isEqualTo(m.grids().deleteSuccess());
        assertThat(row(doc, "| required capabilities passing (%) ≥")).isEqualTo(m.grids().compliance());
        assertThat(row(doc, "| S ≥")).isEqualTo(m.notchFloors());
    }

    @Test
    void theWeightsCapsAndRulesEqualTheConfiguration() throws Exception {
        String doc = Files.readString(Path.of("docs/methodology.md"));
        assertThat(row(doc, "| availability |").get(0)).isEqualTo(m.weights().availability());
        assertThat(row(doc, "| latency |").get(0)).isEqualTo(m.weights().latency());
        assertThat(row(doc, "| instance lifecycle |").get(0)).isEqualTo(m.weights().lifecycle());
        assertThat(row(doc, "| compliance |").get(0)).isEqualTo(m.weights().compliance());
        assertThat(doc).contains("Aaa 95–100, Aa 80–95, A 65–80, Baa 50–65, Ba 35–50, B 20–35, Caa 5–20, Ca 0–5");
        assertThat(m.categoryFloors()).containsExactly(95.0, 80.0, 65.0, 50.0, 35.0, 20.0, 5.0, 0.0);
        assertThat(doc).contains("below **" + String.format("%.1f", m.caps().availabilityBelow()) + " %** | **" + m.caps().availabilityCap() + "**");
        assertThat(doc).contains("below **" + String.format("%.0f", m.caps().complianceBelow()) + " %** (the guideline threshold) | **" + m.caps().complianceCap() + "**");
        assertThat(doc).contains("below **" + String.format("%.0f", m.caps().bootSuccessBelow()) + " %** as a Wilson 95 % lower bound, once at least **"
                + m.caps().bootSuccessMinimumBoots() + "** boots");
        assertThat(doc).contains("**" + m.window().toDays() + " days** (`window`)");
        assertThat(doc).contains("**" + m.minimumHistory().toDays() + " days** (`minimum-history`)");
        assertThat(doc).contains("**" + Math.round(m.minimumCoverage() * 100) + " %**");
        assertThat(doc).contains("**" + iso(m.stability().hold()) + "** (`hold`)");
        assertThat(doc).contains("**" + m.stability().sharpNotches() + "** notches or more (`sharp-notches`)");
        assertThat(doc).contains("**" + iso(m.stability().affirmAfter()) + "** (`affirm-after`)");
        assertThat(doc).contains("**" + iso(m.outlook().bucket()) + "** bucket").contains("**" + iso(m.outlook().horizon()) + "** ahead")
                .contains("fewer than **" + m.outlook().minimumBuckets() + "** buckets");
        assertThat(doc).contains("version, `" + m.version() + "`");
    }

    /** ISO-8601 as people write it: whole days as P1D, not PT24H. */
    private static String iso(java.time.Duration d) {
        return d.toSeconds() % 86400 == 0 ? "P" + d.toDays() + "D" : d.toString();
    }

    /** The numbers of the markdown table row that starts with {@code label}. */
    private static List<Double> row(String doc, String label) {
        String line = doc.lines().filter(l -> l.startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("docs/methodology.md has no row " + label));
        return Arrays.stream(line.substring(label.length()).split("\\|")).map(String::trim).filter(c -> !c.isEmpty())
                .map(c -> c.replaceAll("[^0-9.].*$", "")).filter(c -> !c.isEmpty()).map(Double::valueOf).toList();
    }
}

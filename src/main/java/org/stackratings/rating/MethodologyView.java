package org.stackratings.rating;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The methodology in force, as published: every number the ratings are made with (docs/methodology.md). */
public record MethodologyView(String version, String window, Map<String, Object> minimumData, Map<String, Double> weights,
                              Map<String, Double> serviceWeights, List<Double> categoryFloors, Map<String, Double> notchFloors,
                              Map<String, List<Double>> grids, List<Map<String, Object>> caps, Map<String, Object> stability,
                              Map<String, Object> outlook, List<String> scale, String assuredGradeFloor) {

    static MethodologyView of(MethodologyConfig m) {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("availability", m.weights().availability());
        weights.put("latency", m.weights().latency());
        weights.put("latency.p95", m.weights().latencyP95());
        weights.put("latency.p99", m.weights().latencyP99());
        weights.put("latency.p50", m.weights().latencyP50());
        weights.put("lifecycle", m.weights().lifecycle());
        weights.put("lifecycle.bootSuccess", m.weights().bootSuccess());
        weights.put("lifecycle.timeToActiveP95", m.weights().timeToActiveP95());
        weights.put("lifecycle.deleteSuccess", m.weights().deleteSuccess());
        weights.put("compliance", m.weights().compliance());
        Map<String, Double> services = new LinkedHashMap<>();
        services.put("identity", m.serviceWeights().identity());
        services.put("compute", m.serviceWeights().compute());
        services.put("network", m.serviceWeights().network());
        services.put("volume", m.serviceWeights().volume());
        services.put("image", m.serviceWeights().image());
        Map<String, Double> notches = new LinkedHashMap<>();
        for (int i = 0; i < m.notchFloors().size(); i++) {
            notches.put(Notch.ofIndex(i + 1).symbol(), m.notchFloors().get(i));
        }
        Map<String, List<Double>> grids = new LinkedHashMap<>();
        grids.put("apiAvailability", m.grids().apiAvailability());
        grids.put("latencyP50", m.grids().latencyP50());
        grids.put("latencyP95", m.grids().latencyP95());
        grids.put("latencyP99", m.grids().latencyP99());
        grids.put("bootSuccess", m.grids().bootSuccess());
        grids.put("timeToActiveP95Seconds", m.grids().timeToActiveP95Seconds());
        grids.put("deleteSuccess", m.grids().deleteSuccess());
        grids.put("compliance", m.grids().compliance());
        List<Map<String, Object>> caps = List.of(
                Map.of("code", "AVAILABILITY_BELOW_THRESHOLD", "below", m.caps().availabilityBelow(), "cap", m.caps().availabilityCap()),
                Map.of("code", "COMPLIANCE_BELOW_THRESHOLD", "below", m.caps().complianceBelow(), "cap", m.caps().complianceCap()),
                Map.of("code", "BOOT_SUCCESS_BELOW_THRESHOLD", "below", m.caps().bootSuccessBelow(), "cap", m.caps().bootSuccessCap(),
                        "minimumBoots", m.caps().bootSuccessMinimumBoots()));
        return new MethodologyView(m.version(), m.window().toString(),
                Map.of("history", m.minimumHistory().toString(), "coverage", m.minimumCoverage()),
                weights, services, m.categoryFloors(), notches, grids, caps,
                Map.of("hold", m.stability().hold().toString(), "sharpNotches", m.stability().sharpNotches(),
                        "affirmAfter", m.stability().affirmAfter().toString()),
                Map.of("bucket", m.outlook().bucket().toString(), "horizon", m.outlook().horizon().toString(),
                        "minimumBuckets", m.outlook().minimumBuckets()),
                java.util.Arrays.stream(Notch.values()).map(Notch::symbol).toList(), Notch.BAA3.symbol());
    }
}

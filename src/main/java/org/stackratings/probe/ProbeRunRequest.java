package org.stackratings.probe;

import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /members/{member}/probe-runs}; the probe defaults to {@code api}. */
public record ProbeRunRequest(
        @Pattern(regexp = "^(api|lifecycle|compliance|conformance)$",
                message = "must be 'api', 'lifecycle', 'compliance' or 'conformance'") String probe) {

    String probeOrDefault() {
        return probe == null ? ApiProbe.NAME : probe;
    }
}

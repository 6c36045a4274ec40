package org.stackratings.probe;

import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /members/{member}/probe-runs}; the probe defaults to {@code api}. */
public record ProbeRunRequest(@Pattern(regexp = "^api$", message = "must be 'api' (the lifecycle and compliance probes come later)") String probe) {
}

package org.stackratings.compliance;

import java.util.List;

/** The required capabilities of one platform of one interoperability guideline. */
public record Guideline(String id, String platform, String source, List<Capability> required) {

    /** A required capability: its name, the OpenStack project it belongs to, and how many Tempest tests define it. */
    public record Capability(String name, String project, String description, int tests, int flaggedTests) {
    }
}

package org.stackratings.compliance.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * Where a resource of a conformance run carries the run's id besides its name, by the API it comes from: the second
 * of a run's two marks ({@link RunMarker}). With the name ({@link RunMarker#runOf}) it is the one rule by which the
 * run's clean-up and the reaper both tell that a resource is a run's ({@link #marks}).
 */
public enum SecondMark {

    /** A server's, volume's or snapshot's metadata: the run's id under {@value RunMarker#KEY}. */
    METADATA {
        @Override
        public boolean carries(JsonNode resource, UUID runId) {
            return runId.toString().equals(resource.path("metadata").path(RunMarker.KEY).asText());
        }
    },
    /** A tag {@code stackratings.run=<run>} among the resource's tags. */
    TAG {
        @Override
        public boolean carries(JsonNode resource, UUID runId) {
            return resource.path("tags").toString().contains("\"" + new RunMarker(runId).tag() + "\"");
        }
    },
    /** An image: the run's tag, or (a server snapshot, which takes the metadata given to createImage) its property. */
    IMAGE {
        @Override
        public boolean carries(JsonNode resource, UUID runId) {
            return TAG.carries(resource, runId) || runId.toString().equals(resource.path(RunMarker.KEY).asText());
        }
    },
    /** A Neutron resource: the run's tag as its description, or as a Neutron tag. */
    NEUTRON {
        @Override
        public boolean carries(JsonNode resource, UUID runId) {
            return new RunMarker(runId).tag().equals(resource.path("description").asText())
                    || TAG.carries(resource, runId);
        }
    },
    /** A keypair, which has no second field: its second mark is the agency's own record of the run. */
    NAME_ONLY {
        @Override
        public boolean carries(JsonNode resource, UUID runId) {
            return true;
        }
    };

    /** Whether {@code resource} carries run {@code runId}'s second mark of this kind. */
    public abstract boolean carries(JsonNode resource, UUID runId);

    /** Whether {@code resource} has both marks of run {@code runId}: the run's name and this second mark. */
    public boolean marks(JsonNode resource, UUID runId) {
        return RunMarker.runOf(resource.path("name").asText("")).filter(runId::equals).isPresent()
                && carries(resource, runId);
    }
}

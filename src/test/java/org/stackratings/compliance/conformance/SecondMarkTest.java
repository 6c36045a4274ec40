package org.stackratings.compliance.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one rule by which the run's clean-up and the reaper tell a run's resource: its name and its second mark. */
class SecondMarkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final UUID run = UUID.randomUUID();
    private final RunMarker marker = new RunMarker(run);

    @Test
    void aServerIsTheRunsOnlyWithItsNameAndItsIdInTheMetadata() throws Exception {
        assertThat(SecondMark.METADATA.marks(server(marker.name("server"), run.toString()), run)).isTrue();
        assertThat(SecondMark.METADATA.marks(server(marker.name("server"), null), run)).as("the name only").isFalse();
        assertThat(SecondMark.METADATA.marks(server("someone-elses", run.toString()), run)).as("the metadata only")
                .isFalse();
        assertThat(SecondMark.METADATA.marks(server(new RunMarker(UUID.randomUUID()).name("server"), run.toString()),
                run)).as("another run's name").isFalse();
    }

    @Test
    void anImageIsTheRunsWithItsNameAndTheTagOrThePropertyOfASnapshot() throws Exception {
        JsonNode tagged = JSON.readTree("{\"name\":\"" + marker.name("upload") + "\",\"tags\":[\"" + marker.tag()
                + "\"]}");
        JsonNode snapshot = JSON.readTree("{\"name\":\"" + marker.name("snapshot") + "\",\"tags\":[],\""
                + RunMarker.KEY + "\":\"" + run + "\"}");
        JsonNode untagged = JSON.readTree("{\"name\":\"" + marker.name("upload") + "\",\"tags\":[\"other\"]}");
        assertThat(SecondMark.IMAGE.marks(tagged, run)).isTrue();
        assertThat(SecondMark.IMAGE.marks(snapshot, run)).isTrue();
        assertThat(SecondMark.IMAGE.marks(untagged, run)).isFalse();
    }

    @Test
    void theRunOfANameIsTheIdAfterThePrefix() {
        assertThat(RunMarker.runOf(marker.name("net"))).contains(run);
        assertThat(RunMarker.runOf(RunMarker.PREFIX + "not-a-uuid-at-all-but-long-enough-000")).isEmpty();
        assertThat(RunMarker.runOf("stackratings-probe-" + run)).isEmpty();
    }

    private static JsonNode server(String name, String runId) throws Exception {
        return JSON.readTree("{\"name\":\"" + name + "\",\"metadata\":{" + (runId == null ? ""
                : "\"" + RunMarker.KEY + "\":\"" + runId + "\"") + "}}");
    }
}

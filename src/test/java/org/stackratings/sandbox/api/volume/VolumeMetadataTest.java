package org.stackratings.sandbox.api.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A volume's metadata: POST merges, PUT replaces, one key shown, changed and deleted. */
class VolumeMetadataTest {

    private CinderClient cinder;
    private String id;

    @BeforeEach
    void start() {
        cinder = new CinderClient();
        id = cinder.available(new JsonObject().put("size", 1).put("metadata", new JsonObject().put("a", "1")))
                .getString("id");
    }

    @AfterEach
    void stop() {
        cinder.close();
    }

    private JsonObject metadata() {
        return cinder.json(cinder.get("/volumes/" + id + "/metadata"), 200).getJsonObject("metadata");
    }

    @Test
    void postMergesAndPutReplaces() {
        JsonObject merged = cinder.json(cinder.call("POST", "/volumes/" + id + "/metadata",
                "{\"metadata\":{\"b\":\"2\"}}"), 200).getJsonObject("metadata");
        assertThat(merged.getMap()).containsOnlyKeys("a", "b");
        cinder.json(cinder.call("PUT", "/volumes/" + id + "/metadata", "{\"metadata\":{\"c\":\"3\"}}"), 200);
        assertThat(metadata().getMap()).containsOnlyKeys("c");
        assertThat(cinder.call("PUT", "/volumes/" + id + "/metadata", "{\"metadata\":[]}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void oneKeyIsShownChangedAndDeleted() {
        assertThat(cinder.json(cinder.get("/volumes/" + id + "/metadata/a"), 200).getJsonObject("meta")
                .getString("a")).isEqualTo("1");
        cinder.json(cinder.call("PUT", "/volumes/" + id + "/metadata/a", "{\"meta\":{\"a\":\"9\"}}"), 200);
        assertThat(metadata().getString("a")).isEqualTo("9");
        assertThat(cinder.call("PUT", "/volumes/" + id + "/metadata/a", "{\"meta\":{\"b\":\"9\"}}").statusCode())
                .as("URI and body mismatch").isEqualTo(400);
        assertThat(cinder.call("PUT", "/volumes/" + id + "/metadata/a", "{\"meta\":{\"a\":\"1\",\"b\":\"2\"}}")
                .statusCode()).as("too many items").isEqualTo(400);
        assertThat(cinder.call("DELETE", "/volumes/" + id + "/metadata/a", null).statusCode()).isEqualTo(200);
        assertThat(metadata().getMap()).isEmpty();
        assertThat(cinder.get("/volumes/" + id + "/metadata/a").statusCode()).isEqualTo(404);
        assertThat(cinder.call("DELETE", "/volumes/" + id + "/metadata/a", null).statusCode()).isEqualTo(404);
        assertThat(cinder.get("/volumes/nope/metadata").statusCode()).isEqualTo(404);
    }
}

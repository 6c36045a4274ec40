package org.stackratings.sandbox.api.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cinder's volume lists: filters (name, status, metadata), sort, limit and marker, summary (3.12). */
class VolumeListTest {

    private CinderClient cinder;

    @BeforeEach
    void start() {
        cinder = new CinderClient();
    }

    @AfterEach
    void stop() {
        cinder.close();
    }

    private List<String> names(String query) {
        JsonArray volumes = cinder.json(cinder.get("/volumes/detail" + query), 200).getJsonArray("volumes");
        return volumes.stream().map(v -> ((JsonObject) v).getString("name")).toList();
    }

    @Test
    void theSeededVolumesAreListedBesideNewOnes() {
        cinder.available(new JsonObject().put("size", 1).put("name", "mine"));
        assertThat(names("")).containsExactlyInAnyOrder("probe-data", "probe-boot", "mine");
        assertThat(names("?name=mine")).containsExactly("mine");
        assertThat(names("?name=nothing")).isEmpty();
    }

    @Test
    void filtersOnStatusAndMetadata() {
        cinder.available(new JsonObject().put("size", 1).put("name", "work")
                .put("metadata", new JsonObject().put("Type", "work")));
        cinder.create(new JsonObject().put("size", 1).put("name", "fresh"));
        assertThat(names("?status=creating")).containsExactly("fresh");
        String python = URLEncoder.encode("{'Type': 'work'}", StandardCharsets.UTF_8);
        assertThat(names("?metadata=" + python)).containsExactly("work");
        String json = URLEncoder.encode("{\"Type\":\"other\"}", StandardCharsets.UTF_8);
        assertThat(names("?metadata=" + json)).isEmpty();
    }

    @Test
    void sortsAndPages() {
        for (int size = 3; size <= 5; size++) {
            cinder.available(new JsonObject().put("size", size).put("name", "v" + size));
        }
        assertThat(names("?sort=size:asc&limit=3")).containsExactly("probe-data", "probe-boot", "v3");
        assertThat(names("?sort_key=name&sort_dir=desc&limit=2")).containsExactly("v5", "v4");
        JsonObject first = cinder.json(cinder.get("/volumes?sort=size:asc&limit=2"), 200);
        String next = first.getJsonArray("volumes_links").getJsonObject(0).getString("href");
        assertThat(next).contains("marker=" + first.getJsonArray("volumes").getJsonObject(1).getString("id"));
        String marker = first.getJsonArray("volumes").getJsonObject(1).getString("id");
        assertThat(names("?sort=size:asc&marker=" + marker)).containsExactly("v3", "v4", "v5");
        assertThat(cinder.get("/volumes?marker=nope").statusCode()).isEqualTo(404);
        assertThat(cinder.get("/volumes?limit=-1").statusCode()).isEqualTo(400);
        assertThat(cinder.get("/volumes?sort=nope:asc").statusCode()).isEqualTo(400);
        assertThat(cinder.get("/volumes?sort=size:sideways").statusCode()).isEqualTo(400);
    }

    @Test
    void theSummaryNeedsMicroversion312() {
        cinder.available(new JsonObject().put("size", 4).put("metadata", new JsonObject().put("a", "1")));
        assertThat(cinder.get("/volumes/summary").statusCode()).isEqualTo(404);
        JsonObject summary = cinder.json(cinder.getAt("3.36", "/volumes/summary"), 200)
                .getJsonObject("volume-summary");
        assertThat(summary.getInteger("total_count")).isEqualTo(3);
        assertThat(summary.getInteger("total_size")).isEqualTo(1 + 2 + 4);
        assertThat(summary.getJsonObject("metadata").getJsonArray("a").getList()).containsExactly("1");
        assertThat(cinder.json(cinder.getAt("3.12", "/volumes/summary"), 200).getJsonObject("volume-summary")
                .containsKey("metadata")).isFalse();
    }

    @Test
    void microversionFieldsAppearOnlyFromTheirVersion() {
        String id = cinder.available(new JsonObject().put("size", 1)).getString("id");
        assertThat(cinder.show(id).containsKey("volume_type_id")).isFalse();
        JsonObject at363 = cinder.json(cinder.getAt("3.63", "/volumes/" + id), 200).getJsonObject("volume");
        assertThat(at363.getString("volume_type_id")).isNotBlank();
        assertThat(at363.getBoolean("shared_targets")).isFalse();
        assertThat(cinder.getAt("3.71", "/volumes").statusCode()).isEqualTo(406);
    }
}

package org.stackratings.sandbox.api.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;

/** Cinder's quota sets, absolute limits, the 413 over quota and the volume types a member sees. */
class VolumeQuotaTest {

    private CinderClient cinder;

    @BeforeEach
    void start() {
        cinder = new CinderClient();
    }

    @AfterEach
    void stop() {
        cinder.close();
    }

    @Test
    void quotaSetShowsLimitsAndUsage() {
        cinder.available(new JsonObject().put("size", 5));
        JsonObject set = cinder.json(cinder.get("/os-quota-sets/" + cinder.project), 200).getJsonObject("quota_set");
        assertThat(set.getString("id")).isEqualTo(cinder.project);
        assertThat(set.getInteger("volumes")).isEqualTo(10);
        assertThat(set.getInteger("gigabytes")).isEqualTo(1000);
        JsonObject usage = cinder.json(cinder.get("/os-quota-sets/" + cinder.project + "?usage=true"), 200)
                .getJsonObject("quota_set");
        assertThat(usage.getJsonObject("volumes").getInteger("in_use")).as("2 seeded and 1 new").isEqualTo(3);
        assertThat(usage.getJsonObject("gigabytes").getInteger("in_use")).isEqualTo(1 + 2 + 5);
        assertThat(usage.getJsonObject("volumes").getInteger("limit")).isEqualTo(10);
        assertThat(cinder.get("/os-quota-sets/" + cinder.project + "/defaults").statusCode()).isEqualTo(200);
        assertThat(cinder.get("/os-quota-sets/ffffffffffffffffffffffffffffffff").statusCode()).isEqualTo(403);
        assertThat(cinder.call("PUT", "/os-quota-sets/" + cinder.project, "{\"quota_set\":{\"volumes\":20}}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void limitsShowTheAbsoluteLimitsAndTheirUse() {
        cinder.available(new JsonObject().put("size", 3));
        JsonObject absolute = cinder.json(cinder.get("/limits"), 200).getJsonObject("limits")
                .getJsonObject("absolute");
        assertThat(absolute.getInteger("maxTotalVolumes")).isEqualTo(10);
        assertThat(absolute.getInteger("totalVolumesUsed")).isEqualTo(3);
        assertThat(absolute.getInteger("totalGigabytesUsed")).isEqualTo(6);
    }

    @Test
    void overQuotaIsRefusedWith413() {
        var tooLarge = cinder.call("POST", "/volumes", "{\"volume\":{\"size\":998}}");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(SandboxFixture.json(tooLarge).getJsonObject("overLimit").getString("message"))
                .contains("gigabytes quota");
        for (int i = 0; i < 8; i++) {
            cinder.create(new JsonObject().put("size", 1));
        }
        var tooMany = cinder.call("POST", "/volumes", "{\"volume\":{\"size\":1}}");
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(SandboxFixture.json(tooMany).getJsonObject("overLimit").getString("message"))
                .contains("Maximum number of volumes allowed (10)");
    }

    @Test
    void theDefaultVolumeTypeIsListedAndShown() {
        JsonObject type = cinder.json(cinder.get("/types"), 200).getJsonArray("volume_types").getJsonObject(0);
        assertThat(type.getString("name")).isEqualTo("__DEFAULT__");
        assertThat(cinder.json(cinder.get("/types/" + type.getString("id")), 200).getJsonObject("volume_type")
                .getBoolean("is_public")).isTrue();
        assertThat(cinder.json(cinder.get("/types/default"), 200).getJsonObject("volume_type").getString("id"))
                .isEqualTo(type.getString("id"));
        assertThat(cinder.get("/types/nope").statusCode()).isEqualTo(404);
        assertThat(cinder.call("POST", "/types", "{\"volume_type\":{\"name\":\"x\"}}").statusCode()).isEqualTo(403);
    }
}

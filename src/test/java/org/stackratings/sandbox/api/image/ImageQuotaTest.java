package org.stackratings.sandbox.api.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.state.image.ImageLimits;

/** Glance's unified limits as the sandbox sets them: image_count_total and image_size_total give 413 past them. */
class ImageQuotaTest {

    private SandboxFixture sandbox;
    private GlanceClient glance;

    /** A fresh sandbox per test: each fills a limit. */
    @BeforeEach
    void start() {
        sandbox = SandboxFixture.start(SandboxFixture.testClouds());
        glance = new GlanceClient(sandbox, sandbox.token("alpha", "alpha-secret"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void storedDataIsCappedPerCloudAndDeletingFreesIt() {
        int chunk = 1000 * 1000;
        long cap = ImageLimits.DEFAULT.imageSizeTotalBytes();
        String last = null;
        for (long stored = 0; stored + chunk <= cap; stored += chunk) {
            last = glance.createdRaw("chunk").getString("id");
            assertThat(glance.upload(last, new byte[chunk]).statusCode()).isEqualTo(204);
        }
        String over = glance.createdRaw("one-too-many").getString("id");
        HttpResponse<String> refused = glance.upload(over, new byte[chunk]);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(SandboxFixture.json(refused).getString("message")).contains("exceeds the quota");
        assertThat(SandboxFixture.json(glance.show(over)).getString("status")).isEqualTo("queued");
        assertThat(glance.call("DELETE", "/" + last, null).statusCode()).isEqualTo(204);
        assertThat(glance.upload(over, new byte[chunk]).statusCode()).isEqualTo(204);
    }

    @Test
    void oneUploadMayFillTheWholeLimitButNotPassIt() {
        int cap = Math.toIntExact(ImageLimits.DEFAULT.imageSizeTotalBytes());
        String whole = glance.createdRaw("whole").getString("id");
        assertThat(glance.upload(whole, new byte[cap]).statusCode()).isEqualTo(204);
        assertThat(SandboxFixture.json(glance.show(whole)).getLong("size")).isEqualTo(cap);
        assertThat(glance.call("DELETE", "/" + whole, null).statusCode()).isEqualTo(204);

        String past = glance.createdRaw("past").getString("id");
        HttpResponse<String> refused = glance.upload(past, new byte[cap + 1]);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(refused.headers().firstValue("x-openstack-request-id")).isPresent();
        assertThat(SandboxFixture.json(refused).getString("title")).as("Glance's error shape")
                .isEqualTo("Request Entity Too Large");
        assertThat(SandboxFixture.json(glance.show(past)).getString("status")).isEqualTo("queued");
    }

    @Test
    void aJsonBodyPastOneMebibyteIsRefusedInTheServicesShape() {
        String token = sandbox.token("alpha", "alpha-secret");
        String big = new JsonObject().put("server", new JsonObject().put("name", "x".repeat(1024 * 1024))).encode();
        HttpResponse<String> refused = sandbox.call("POST", "/alpha/compute/v2.1/servers", token, big);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(SandboxFixture.json(refused).getJsonObject("overLimit")).as("Nova's error shape").isNotNull();
    }

    @Test
    void imageCountIsCappedPerProject() {
        int existing = SandboxFixture.json(sandbox.get("/alpha/image/v2/info/usage",
                sandbox.token("alpha", "alpha-secret"))).getJsonObject("usage").getJsonObject("image_count_total")
                .getInteger("usage");
        for (int i = existing; i < ImageLimits.DEFAULT.imageCountTotal(); i++) {
            glance.created(new JsonObject().put("name", "count-" + i));
        }
        HttpResponse<String> refused = glance.create(new JsonObject().put("name", "over"));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(SandboxFixture.json(refused).getString("message")).contains("image_count_total");
    }
}

package org.stackratings.sandbox.api.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.sandbox.api.image.GlanceClient.op;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.MutableClock;
import org.stackratings.sandbox.SandboxFixture;

/** Glance's image list: the seeded images, filters, sorting and paging over images created through the API. */
class ImageListTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private static SandboxFixture sandbox;
    private static GlanceClient glance;
    private static final List<String> created = new ArrayList<>();

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(SandboxFixture.testClouds(), CLOCK);
        glance = new GlanceClient(sandbox, sandbox.token("alpha", "alpha-secret"));
        int[] sizes = {3000, 1000, 2000};
        for (int i = 0; i < sizes.length; i++) {
            CLOCK.advance(Duration.ofMinutes(1));
            JsonObject image = glance.created(new JsonObject().put("name", "listed-" + i).put("disk_format", "raw")
                    .put("container_format", i == 0 ? "ovf" : "bare").put("visibility", "private")
                    .put("tags", new JsonArray().add("batch").add("n" + i)).put("flavour", "f" + i));
            glance.upload(image.getString("id"), new byte[sizes[i]]);
            created.add(image.getString("id"));
        }
        CLOCK.advance(Duration.ofMinutes(1));
        JsonObject hidden = glance.created(new JsonObject().put("name", "hidden").put("os_hidden", true));
        created.add(hidden.getString("id"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static List<JsonObject> images(String query) {
        var answer = glance.list(query);
        assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(200);
        List<JsonObject> list = new ArrayList<>();
        SandboxFixture.json(answer).getJsonArray("images").forEach(i -> list.add((JsonObject) i));
        return list;
    }

    private static List<String> names(String query) {
        return images(query).stream().map(i -> i.getString("name")).toList();
    }

    @Test
    void listsSeededAndOwnImagesNewestFirstWithoutHiddenOnes() {
        List<String> names = names("");
        assertThat(names).startsWith("listed-2", "listed-1", "listed-0")
                .contains("cirros-0.6.2-x86_64-disk", "ubuntu-24.04-server").doesNotContain("hidden");
        assertThat(names("os_hidden=true")).containsExactly("hidden");
    }

    @Test
    void filtersByAttributesTagsSizesAndProperties() {
        assertThat(names("name=listed-1")).containsExactly("listed-1");
        assertThat(names("visibility=private")).containsExactlyInAnyOrder("listed-0", "listed-1", "listed-2");
        assertThat(names("visibility=public")).containsExactlyInAnyOrder("cirros-0.6.2-x86_64-disk",
                "ubuntu-24.04-server");
        assertThat(names("status=queued&os_hidden=true")).containsExactly("hidden");
        assertThat(names("tag=batch&tag=n2")).containsExactly("listed-2");
        assertThat(names("size_min=1500&size_max=2500")).containsExactly("listed-2");
        assertThat(names("size=1000")).containsExactly("listed-1");
        assertThat(names("container_format=ovf")).containsExactly("listed-0");
        assertThat(names("flavour=f1")).containsExactly("listed-1");
        assertThat(names("name=in:listed-0,listed-2")).containsExactlyInAnyOrder("listed-0", "listed-2");
        String owner = SandboxFixture.json(glance.show(created.get(0))).getString("owner");
        assertThat(names("owner=" + owner)).containsExactlyInAnyOrder("listed-0", "listed-1", "listed-2");
        assertThat(names("created_at=gt:2026-06-01T10:01:30Z&visibility=private"))
                .containsExactlyInAnyOrder("listed-1", "listed-2");
        assertThat(glance.list("visibility=everyone").statusCode()).isEqualTo(400);
        assertThat(glance.list("size_min=big").statusCode()).isEqualTo(400);
        assertThat(glance.list("member_status=maybe").statusCode()).isEqualTo(400);
        assertThat(glance.list("os_hidden=perhaps").statusCode()).isEqualTo(400);
    }

    @Test
    void sortsBySortKeyOrBySort() {
        List<Long> sizes = images("visibility=private&sort_key=size&sort_dir=asc").stream()
                .map(i -> i.getLong("size")).toList();
        assertThat(sizes).containsExactly(1000L, 2000L, 3000L);
        List<Long> desc = images("visibility=private&sort=size:desc").stream().map(i -> i.getLong("size")).toList();
        assertThat(desc).isSortedAccordingTo(Comparator.reverseOrder()).hasSize(3);
        assertThat(names("visibility=private&sort=name:asc")).containsExactly("listed-0", "listed-1", "listed-2");
        assertThat(glance.list("sort_key=colour").statusCode()).isEqualTo(400);
        assertThat(glance.list("sort_key=name&sort_dir=sideways").statusCode()).isEqualTo(400);
        assertThat(glance.list("sort=name:asc&sort_key=size").statusCode()).isEqualTo(400);
    }

    @Test
    void pagesWithLimitMarkerAndNextLinks() {
        var first = SandboxFixture.json(glance.list("limit=2&sort=name:asc"));
        assertThat(first.getJsonArray("images")).hasSize(2);
        String next = first.getString("next");
        assertThat(next).startsWith("/v2/images?").contains("marker=").contains("limit=2");
        List<String> seen = new ArrayList<>();
        first.getJsonArray("images").forEach(i -> seen.add(((JsonObject) i).getString("name")));
        while (next != null) {
            JsonObject page = SandboxFixture.json(sandbox.get("/alpha/image" + next, sandbox.token("alpha",
                    "alpha-secret")));
            page.getJsonArray("images").forEach(i -> seen.add(((JsonObject) i).getString("name")));
            next = page.getString("next");
        }
        assertThat(seen).containsExactlyElementsOf(names("sort=name:asc")).hasSize(5);
        assertThat(glance.list("marker=00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(400);
        assertThat(glance.list("limit=-1").statusCode()).isEqualTo(400);
        assertThat(glance.list("limit=many").statusCode()).isEqualTo(400);
        assertThat(images("limit=0")).isEmpty();
    }

    @Test
    void updatedImagesMoveWhenSortedByUpdatedAt() {
        CLOCK.advance(Duration.ofMinutes(5));
        assertThat(glance.patch(created.get(0), new JsonArray().add(op("add", "/touched", "yes"))).statusCode())
                .isEqualTo(200);
        assertThat(names("visibility=private&sort_key=updated_at").get(0)).isEqualTo("listed-0");
    }
}

package org.stackratings.sandbox.api.compute;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stackratings.sandbox.SandboxFixture;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Nova's flavor list: minRam and minDisk filters, marker and limit paging, refusals of what Nova refuses. */
class FlavorListTest {

    private static SandboxFixture sandbox;
    private static String token;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(SandboxFixture.testClouds());
        token = sandbox.token("alpha", "alpha-secret");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "''                    | 1,2,3 | ",
            "?minRam=2048          | 2,3   | ",
            "?minRam=2049          | 3     | ",
            "?minDisk=20           | 2,3   | ",
            "?minDisk=41           | ''    | ",
            "?minRam=1024&minDisk=1| 2,3   | ",
            "?limit=1              | 1     | ?limit=1&marker=1",
            "?limit=2&marker=1     | 2,3   | ",
            "?marker=2             | 3     | ",
            "?limit=0              | ''    | ",
            "?limit=3              | 1,2,3 | "})
    void listsAsNovaDoes(String query, String ids, String next) {
        for (String path : List.of("/alpha/compute/v2.1/flavors", "/alpha/compute/v2.1/flavors/detail")) {
            HttpResponse<String> answer = sandbox.get(path + query, token);
            assertThat(answer.statusCode()).as(path + query).isEqualTo(200);
            JsonObject body = SandboxFixture.json(answer);
            List<String> got = body.getJsonArray("flavors").stream().map(f -> ((JsonObject) f).getString("id")).toList();
            assertThat(got).as(path + query).isEqualTo(ids.isEmpty() ? List.of() : List.of(ids.split(",")));
            JsonArray links = body.getJsonArray("flavors_links");
            if (next == null) {
                assertThat(links).as("no next page for " + path + query).isNull();
            } else {
                assertThat(links.getJsonObject(0).getString("rel")).isEqualTo("next");
                assertThat(links.getJsonObject(0).getString("href")).endsWith(path.substring("/alpha/compute".length()) + next);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "?minRam=lots   | Invalid minRam filter [lots]",
            "?minDisk=1.5   | Invalid minDisk filter [1.5]",
            "?limit=-1      | limit param must be positive",
            "?limit=x       | limit param must be an integer",
            "?marker=99     | marker [99] not found"})
    void refusesWhatNovaRefuses(String query, String message) {
        HttpResponse<String> answer = sandbox.get("/alpha/compute/v2.1/flavors/detail" + query, token);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(SandboxFixture.json(answer).getJsonObject("badRequest").getString("message")).isEqualTo(message);
    }
}

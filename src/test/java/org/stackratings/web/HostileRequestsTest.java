package org.stackratings.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed paths, queries, headers and bodies, drawn by a seeded generator, against every operation of the OpenAPI
 * document: no answer is a 5xx, every 4xx is problem+json (the HTTP layer's 413, 414 and 431 included), and no
 * secret sent in a request comes back. The seed is {@value #DEFAULT_SEED} unless {@code -Dhostile.seed} says
 * otherwise; every case's name and message carry the seed and the case, so a failure replays exactly.
 */
@QuarkusTest
@TestProfile(HostileRequestsProfile.class)
class HostileRequestsTest {

    static final long DEFAULT_SEED = 20261203L;
    static final int CASES = 600;
    /** A secret a request carries (as a password, a key, a webhook secret): it must never be echoed. */
    static final String SECRET = "s3cr3t-Zq8vXk2mW9pL4tR7";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern INVALID_ESCAPE = java.util.regex.Pattern.compile(".*%(?![0-9A-Fa-f]{2}).*");

    record Operation(String method, String path) {
    }

    record Case(long seed, int index, String method, String target, Map<String, String> headers, byte[] body, String what) {

        /**
         * Whether the request line is not valid HTTP (a bad percent-escape, a byte outside ASCII): Vert.x refuses those
         * with a bare 400 before any route runs, and Quarkus has no hook for that answer (docs/api.md, "Errors").
         */
        boolean invalidRequestLine() {
            return !INVALID_ESCAPE.matcher(target).matches() ? target.chars().anyMatch(ch -> ch > 126) : true;
        }

        @Override
        public String toString() {
            return "case " + index + " of -Dhostile.seed=" + seed + ": " + what;
        }
    }

    static long seed() {
        return Long.getLong("hostile.seed", DEFAULT_SEED);
    }

    /** The case numbers; a case is drawn when it runs, from the document the running application serves. */
    static IntStream cases() {
        return IntStream.range(0, CASES);
    }

    private static List<Operation> operations;

    /** Every operation of the running application's OpenAPI document, read once. */
    static synchronized List<Operation> operations() throws IOException {
        if (operations != null) {
            return operations;
        }
        JsonNode document = JSON.readTree(RestAssured.given().accept("application/json").get("/q/openapi?format=json").asString());
        List<Operation> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(Locale.ROOT);
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    found.add(new Operation(method, path.getKey()));
                }
            }
        }
        assertThat(found).as("operations of the OpenAPI document").hasSizeGreaterThan(20);
        operations = found;
        return operations;
    }

    private static final String[] PATH_VALUES = {"aurora", "no-such-member", "%00", "..%2F..%2Fetc%2Fpasswd", "%ZZ", "%C3%BC%E2%98%83",
            "'%20OR%201=1", "%3Cscript%3E", "-", "a".repeat(300), "😀", "A", "0", "-1", "99999999999999999999", "%2F", "%0d%0aX-Injected:%20yes"};
    private static final String[] QUERIES = {"page=-1", "size=999999", "size=abc", "from=not-a-date", "to=2026-13-45T99:00:00Z",
            "step=P-1D", "minRating=ZZZ", "minRating=Aaa", "maxAge=forever", "since=%%%", "since=djE6LTE", "probe=nope",
            "operation=%00", "sort=;drop", "assuredOnly=maybe", "region=" + "r".repeat(2000), "members=a,b,,c", "x=" + SECRET};
    private static final String[] ACCEPTS = {"application/json", "text/csv", "image/png", "*/*", "application/problem+json", "garbage",
            "text/html;q=abc", ""};
    private static final String[] CONTENT_TYPES = {"application/json", "text/plain", "application/xml", "multipart/form-data",
            "application/json; charset=ebcdic", "", "application/x-www-form-urlencoded"};
    private static final String[] AUTHORIZATIONS = {"Bearer test-admin-key", "Bearer sr_0011223344556677_" + "ab".repeat(32),
            "Bearer " + SECRET, "Basic " + SECRET, "Bearer", "bearer test-admin-key", "Bearer sr_" + SECRET + "_" + SECRET};
    private static final String[] BODIES = {"{", "[]", "null", "{\"slug\": 5}", "{\"slug\":\"x\",\"authUrl\":{\"a\":1}}",
            "\"just a string\"", "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}", "not json at all",
            "{\"role\":\"admin\",\"label\":\"" + SECRET + "\"}",
            "{\"targetUrl\":\"http://169.254.169.254/latest\",\"secret\":\"" + SECRET + "\"}",
            "{\"slug\":\"fuzz-member\",\"authUrl\":\"http://127.0.0.2:5000/v3\",\"region\":\"RegionOne\",\"project\":{\"name\":\"p\"},"
                    + "\"credentials\":{\"type\":\"password\",\"username\":\"u\",\"password\":\"" + SECRET + "\"}}",
            "{\"slug\":\"fuzz-ok\",\"authUrl\":\"https://keystone.example.com/v3\",\"region\":\"RegionOne\",\"project\":{\"name\":\"p\"},"
                    + "\"credentials\":{\"type\":\"password\",\"username\":\"u\",\"password\":\"" + SECRET + "\"}}",
            "{\"probe\":\"everything\"}", "{\"unknown\":true}", "\u0000\u0001\u0002",
            "{\"slug\":\"fuzz-nul\",\"displayName\":\"a\\u0000b\",\"authUrl\":\"https://keystone.example.com/v3\",\"region\":\"R\\u0000\","
                    + "\"project\":{\"name\":\"p\"},\"credentials\":{\"type\":\"password\",\"username\":\"u\",\"password\":\"" + SECRET + "\"}}",
            "{\"role\":\"exchange\",\"label\":\"\\u0000\"}"};

    private static Case draw(long seed, int index, Operation operation, SplittableRandom random) {
        StringBuilder what = new StringBuilder(operation.method() + " " + operation.path());
        String path = operation.path();
        while (path.contains("{")) {
            int open = path.indexOf('{');
            String value = pick(random, PATH_VALUES);
            path = path.substring(0, open) + value + path.substring(path.indexOf('}', open) + 1);
        }
        StringBuilder target = new StringBuilder(path);
        int queries = random.nextInt(3);
        for (int q = 0; q < queries; q++) {
            target.append(q == 0 ? '?' : '&').append(pick(random, QUERIES));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", pick(random, AUTHORIZATIONS));
        headers.put("Accept", pick(random, ACCEPTS));
        byte[] body = null;
        String method = random.nextInt(10) == 0 ? pick(random, new String[]{"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) : operation.method();
        if (!method.equals("GET") && random.nextInt(4) != 0) {
            headers.put("Content-Type", pick(random, CONTENT_TYPES));
            body = pick(random, BODIES).getBytes(StandardCharsets.UTF_8);
        }
        switch (random.nextInt(16)) {
            case 0 -> target.append(target.indexOf("?") < 0 ? '?' : '&').append("pad=").append("x".repeat(6000)); // over the request line limit: 414
            case 1 -> headers.put("X-Padding", "p".repeat(24_000)); // over the header limit: 431
            case 2 -> body = ("{\"pad\":\"" + "b".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8); // over the body limit: 413
            case 3 -> headers.put("Content-Length-Extra", SECRET);
            case 4 -> headers.put("If-None-Match", "\"" + SECRET + "\"");
            default -> { }
        }
        what.append(" → ").append(method).append(' ').append(target.length() > 160 ? target.substring(0, 160) + "…" : target)
                .append(" headers ").append(headers.keySet()).append(" auth ").append(abbreviate(headers.get("Authorization")))
                .append(body == null ? "" : " body " + abbreviate(new String(body, StandardCharsets.UTF_8)));
        return new Case(seed, index, method, target.toString(), headers, body, what.toString());
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** PostgreSQL stores no NUL: in a path, a query or a body's string it is refused with 400, never a 500. */
    @org.junit.jupiter.api.Test
    void aNulCharacterAnywhereIsABadRequest() throws IOException {
        Map<String, String> json = Map.of("Authorization", "Bearer test-admin-key", "Content-Type", "application/json",
                "Accept", "application/json");
        String member = "{\"slug\":\"nul-member\",\"displayName\":\"a\\u0000b\",\"authUrl\":\"https://keystone.example.com/v3\","
                + "\"region\":\"RegionOne\",\"project\":{\"name\":\"p\"},"
                + "\"credentials\":{\"type\":\"password\",\"username\":\"u\",\"password\":\"" + SECRET + "\"}}";
        for (RawHttp.Answer answer : List.of(
                RawHttp.send(RestAssured.port, "POST", "/api/v1/members", json, member.getBytes(StandardCharsets.UTF_8)),
                RawHttp.send(RestAssured.port, "DELETE", "/api/v1/members/a%00b", json, null),
                RawHttp.send(RestAssured.port, "GET", "/api/v1/members/aurora/measurements?operation=%00", json, null))) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain(SECRET);
        }
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void noServerErrorEveryClientErrorIsAProblemAndNoSecretComesBack(int index) throws IOException {
        List<Operation> all = operations();
        // each case's inputs depend only on the seed and its number
        Case c = draw(seed(), index, all.get(index % all.size()), new SplittableRandom(seed() * 31 + index));
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, c.method(), c.target(), c.headers(), c.body());
        assertThat(answer.status()).as(c + "\n→ " + answer).isLessThan(500);
        if (c.invalidRequestLine()) {
            assertThat(answer.status()).as(c + "\n→ " + answer).isEqualTo(400);
        } else if (answer.status() >= 400) {
            assertThat(answer.header("Content-Type")).as(c + "\n→ " + answer).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("status").asInt()).as(c + "\n→ " + answer).isEqualTo(answer.status());
            assertThat(problem.path("type").asText()).as(c.toString()).isNotBlank();
        }
        assertThat(answer.body()).as(c + "\n→ " + answer).doesNotContain(SECRET);
        assertThat(String.valueOf(answer.headers())).as(c.toString()).doesNotContain(SECRET);
    }
}

package org.stackratings.sandbox.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.CloudProfiles;
import org.stackratings.sandbox.profile.FaultMode;
import org.stackratings.sandbox.profile.HostileMode;
import org.stackratings.sandbox.profile.HostileProfile;
import org.stackratings.sandbox.profile.HostileTarget;
import org.stackratings.sandbox.profile.OutageWindow;
import org.stackratings.sandbox.state.CloudStats;
import org.stackratings.sandbox.state.HostileStreams;

/** Each hostile mode as it goes on the wire, read with the JDK client or a raw socket. */
class HostileModesTest {

    private static final URI CANARY = URI.create("http://127.0.0.2:9999/somewhere");
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    private static SandboxFixture sandbox;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(List.of(
                SandboxFixture.hostileCloud("h-redirect", HostileProfile.redirect(CANARY)),
                SandboxFixture.hostileCloud("h-not-json", HostileProfile.of(HostileMode.NOT_JSON)),
                SandboxFixture.hostileCloud("h-html-keystone",
                        HostileProfile.of(HostileMode.NOT_JSON).withTarget(HostileTarget.KEYSTONE)),
                SandboxFixture.hostileCloud("h-truncated", HostileProfile.of(HostileMode.TRUNCATED_JSON)),
                SandboxFixture.hostileCloud("h-truncated-all",
                        HostileProfile.of(HostileMode.TRUNCATED_JSON).withTarget(HostileTarget.ALL)),
                SandboxFixture.hostileCloud("h-endless", HostileProfile.of(HostileMode.ENDLESS_BODY)),
                SandboxFixture.hostileCloud("h-trickle", HostileProfile.trickle(Duration.ofMillis(5))),
                SandboxFixture.hostileCloud("h-huge", HostileProfile.of(HostileMode.HUGE_HEADERS)),
                SandboxFixture.hostileCloud("h-wrong-types", HostileProfile.of(HostileMode.WRONG_TYPES)),
                SandboxFixture.hostileCloud("h-foreign", HostileProfile.foreignEndpoints(CANARY)),
                SandboxFixture.hostileCloud("h-dns", HostileProfile.dnsName("compute.hostile.test")),
                SandboxFixture.hostileCloud("h-silent", HostileProfile.of(HostileMode.SILENT_KEYSTONE)),
                SandboxFixture.hostileCloud("h-faulty", HostileProfile.of(HostileMode.NOT_JSON))
                        .withErrors(1.0, 500)
                        .withOutages(List.of(new OutageWindow(null, null, Duration.ofMinutes(1), Duration.ZERO,
                                Duration.ofMinutes(1), List.of("image"), FaultMode.RESET)), 1000)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static CloudStats stats(String cloud) {
        return sandbox.server.cloud(cloud).orElseThrow().stats();
    }

    private static HostileStreams streams(String cloud) {
        return sandbox.server.cloud(cloud).orElseThrow().hostileStreams();
    }

    private static HttpResponse<String> issue(String cloud) {
        return sandbox.post("/" + cloud + "/identity/v3/auth/tokens", SandboxFixture.byName("probe", cloud + "-secret"));
    }

    private static JsonArray catalog(HttpResponse<String> tokenAnswer) {
        return SandboxFixture.json(tokenAnswer).getJsonObject("token").getJsonArray("catalog");
    }

    private static List<String> urls(JsonArray catalog, String type) {
        return catalog.stream().map(JsonObject.class::cast).filter(e -> type.equals(e.getString("type")))
                .flatMap(e -> e.getJsonArray("endpoints").stream())
                .map(e -> ((JsonObject) e).getString("url")).toList();
    }

    @Test
    void redirectSendsKeystoneElsewhere() {
        HttpResponse<String> answer = issue("h-redirect");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValue(CANARY.toString());
        assertThat(answer.headers().firstValue("Content-Length")).hasValue("0");
        assertThat(answer.body()).isEmpty();
        // the default target is Keystone: the other services answer as usual (here: no token, 401)
        assertThat(sandbox.get("/h-redirect/compute/v2.1/flavors", null).statusCode()).isEqualTo(401);
        assertThat(stats("h-redirect").hostileCount("identity", "redirect")).isEqualTo(1);
        assertThat(stats("h-redirect").count("identity", "302")).isEqualTo(1);
    }

    @Test
    void notJsonAnswersEveryServiceWithHtmlAfterANormalToken() {
        String token = sandbox.token("h-not-json", "h-not-json-secret");
        for (String path : List.of("/h-not-json/compute/v2.1/flavors", "/h-not-json/compute/v2.1/servers/any-id",
                "/h-not-json/image/", "/h-not-json/network/v2.0/networks", "/h-not-json/volume/v3")) {
            HttpResponse<String> answer = sandbox.get(path, token);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("text/html; charset=utf-8");
            assertThat(answer.body()).as(path).isEqualTo(HostileDocuments.HTML);
        }
        HttpResponse<String> create = sandbox.call("POST", "/h-not-json/compute/v2.1/servers", token,
                "{\"server\": {\"name\": \"x\"}}");
        assertThat(create.statusCode()).isEqualTo(200);
        assertThat(create.body()).startsWith("<!DOCTYPE html>");
        assertThat(stats("h-not-json").hostileCount("compute", "not-json")).isEqualTo(3);
        assertThat(stats("h-not-json").hostileCount("identity", "not-json")).isZero();
    }

    @Test
    void aKeystoneTargetMakesTheTokenIssueHostile() {
        HttpResponse<String> answer = issue("h-html-keystone");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(answer.headers().firstValue("X-Subject-Token")).isEmpty();
    }

    @Test
    void truncatedJsonStopsMidDocumentWithAMatchingLength() {
        String token = sandbox.token("h-truncated", "h-truncated-secret");
        HttpResponse<String> answer = sandbox.get("/h-truncated/compute/v2.1/flavors", token);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.body()).isEqualTo("{\"flavors\": [{\"id\": \"1\", \"na");
        assertThat(answer.headers().firstValue("Content-Length"))
                .hasValue(String.valueOf(answer.body().getBytes(StandardCharsets.UTF_8).length));
        assertThatThrownBy(() -> new JsonObject(answer.body())).isInstanceOf(DecodeException.class);

        HttpResponse<String> tokenAnswer = issue("h-truncated-all");
        assertThat(tokenAnswer.statusCode()).isEqualTo(200);
        assertThat(tokenAnswer.body()).isEqualTo(HostileDocuments.truncated("identity"));
    }

    @Test
    void endlessBodyGoesOnAsFastAsItIsReadAndWaitsWhenTheClientStops() throws Exception {
        String token = sandbox.token("h-endless", "h-endless-secret");
        HostileStreams streams = streams("h-endless");
        long read = 0;
        try (RawHttp http = RawHttp.connect(sandbox.server.port(), READ_TIMEOUT)) {
            http.send("GET", "/h-endless/compute/v2.1/flavors", token, null);
            RawHttp.Head head = http.readHead(64 * 1024);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Type")).isEqualTo("application/json");
            assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(head.header("Content-Length")).isNull();
            ByteArrayOutputStream start = new ByteArrayOutputStream();
            while (read < 4L * 1024 * 1024) {
                byte[] chunk = http.readChunk();
                assertThat(chunk).as("a chunk of an endless body is never the last").isNotEmpty();
                if (start.size() < 1024) {
                    start.write(chunk);
                }
                read += chunk.length;
            }
            assertThat(start.toString(StandardCharsets.UTF_8))
                    .startsWith("{\"flavors\": [" + HostileDocuments.ITEM + HostileDocuments.ITEM);
            assertThat(http.readChunk()).as("still going after 4 MiB").isNotEmpty();
            assertThat(streams.openCount()).isEqualTo(1);

            // the client stops reading: the sandbox stops writing once the write queue is full (back-pressure),
            // so what it holds of the body stays bounded by socket buffers plus one write queue
            await().atMost(Duration.ofSeconds(30)).until(() -> streams.waitingForDrain() == 1);
            assertThat(streams.bytesSent() - read).isLessThan(64L * 1024 * 1024);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.openCount() == 0);
        assertThat(stats("h-endless").hostileCount("compute", "endless-body")).isEqualTo(1);
    }

    @Test
    void trickleBodySendsOneByteAChunk() throws Exception {
        String token = sandbox.token("h-trickle", "h-trickle-secret");
        try (RawHttp http = RawHttp.connect(sandbox.server.port(), READ_TIMEOUT)) {
            http.send("GET", "/h-trickle/image/v2/images", token, null);
            RawHttp.Head head = http.readHead(64 * 1024);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Type")).isEqualTo("application/json");
            assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 60; i++) {
                byte[] chunk = http.readChunk();
                assertThat(chunk).hasSize(1);
                body.append((char) chunk[0]);
            }
            String expected = "{\"images\": [" + HostileDocuments.ITEM + HostileDocuments.ITEM;
            assertThat(body.toString()).isEqualTo(expected.substring(0, 60));
            assertThat(streams("h-trickle").openCount()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> streams("h-trickle").openCount() == 0);
    }

    @Test
    void hugeHeadersComeBeforeTheNormalAnswer() throws Exception {
        String token = sandbox.token("h-huge", "h-huge-secret");
        try (RawHttp http = RawHttp.connect(sandbox.server.port(), READ_TIMEOUT)) {
            http.send("GET", "/h-huge/compute/v2.1/flavors", token, null);
            RawHttp.Head head = http.readHead(4 * 1024 * 1024);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.bytes()).isGreaterThan(1024 * 1024);
            assertThat(head.lines().stream().filter(l -> l.startsWith(HostileDocuments.HUGE_HEADER_PREFIX)))
                    .hasSize(HostileDocuments.HUGE_HEADER_COUNT);
            byte[] body = http.readBytes(Integer.parseInt(head.header("Content-Length")));
            assertThat(new JsonObject(new String(body, StandardCharsets.UTF_8)).getJsonArray("flavors")).hasSize(3);
        }
        assertThat(stats("h-huge").hostileCount("compute", "huge-headers")).isEqualTo(1);
        assertThat(stats("h-huge").count("compute", "200")).isEqualTo(1);
    }

    @Test
    void wrongTypesGiveAValidTokenInABrokenAnswer() {
        HttpResponse<String> answer = issue("h-wrong-types");
        assertThat(answer.statusCode()).isEqualTo(201);
        String token = answer.headers().firstValue("X-Subject-Token").orElseThrow();
        JsonObject body = SandboxFixture.json(answer).getJsonObject("token");
        assertThat(body.getValue("catalog")).isInstanceOf(String.class);
        assertThat(new JsonArray(body.getString("catalog"))).isNotEmpty();
        assertThat(body.getValue("expires_at")).isInstanceOf(Number.class);
        assertThat(body.getValue("issued_at")).isInstanceOf(Number.class);
        assertThat(body.getValue("roles")).isEqualTo(2);
        assertThat(body.getValue("methods")).isEqualTo("password");

        // the token is real: the services (not a target of this mode) accept it
        assertThat(sandbox.get("/h-wrong-types/compute/v2.1/flavors", token).statusCode()).isEqualTo(200);
        JsonObject catalog = SandboxFixture.json(sandbox.get("/h-wrong-types/identity/v3/auth/catalog", token));
        JsonObject endpoint = catalog.getJsonArray("catalog").getJsonObject(0).getJsonArray("endpoints")
                .getJsonObject(0);
        assertThat(endpoint.getValue("url")).isInstanceOf(JsonObject.class);
        assertThat(endpoint.getJsonObject("url").getString("href")).startsWith(sandbox.server.baseUrl());
    }

    @Test
    void foreignEndpointsPointTheServicesAtTheCanary() {
        HttpResponse<String> answer = issue("h-foreign");
        assertThat(answer.statusCode()).isEqualTo(201);
        JsonArray catalog = catalog(answer);
        assertThat(urls(catalog, "identity")).allSatisfy(u -> assertThat(u).startsWith(sandbox.server.baseUrl()));
        for (String type : List.of("compute", "image", "network", "block-storage", "volumev3")) {
            assertThat(urls(catalog, type)).as(type).isNotEmpty()
                    .allSatisfy(u -> assertThat(u).startsWith("http://127.0.0.2:9999/h-foreign/"));
        }
        assertThat(urls(catalog, "compute")).contains("http://127.0.0.2:9999/h-foreign/compute/v2.1");
    }

    @Test
    void dnsNameWritesTheHostNameWithTheSandboxPort() {
        HttpResponse<String> answer = issue("h-dns");
        assertThat(answer.statusCode()).isEqualTo(201);
        JsonArray catalog = catalog(answer);
        String base = "http://compute.hostile.test:" + sandbox.server.port() + "/h-dns/";
        assertThat(catalog).isNotEmpty();
        for (String type : List.of("identity", "compute", "image", "network", "volumev3")) {
            assertThat(urls(catalog, type)).as(type).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(base));
        }
        assertThat(urls(catalog, "compute")).contains(base + "compute/v2.1");
    }

    @Test
    void silentKeystoneSendsNoByte() throws Exception {
        HostileStreams streams = streams("h-silent");
        try (RawHttp http = RawHttp.connect(sandbox.server.port(), Duration.ofMillis(1500))) {
            http.send("POST", "/h-silent/identity/v3/auth/tokens", null,
                    SandboxFixture.byName("probe", "h-silent-secret"));
            assertThatThrownBy(http::read).isInstanceOf(SocketTimeoutException.class);
            assertThat(streams.openCount()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.openCount() == 0);
        assertThat(stats("h-silent").count("identity", "silent")).isEqualTo(1);
        // only Keystone is silent
        assertThat(sandbox.get("/h-silent/compute/v2.1/flavors", null).statusCode()).isEqualTo(401);
    }

    @Test
    void hostileAnswersAreNotSubjectToFaultInjectionNorBreakIt() {
        // every non-hostile request fails (errorRate 1, status 500): the token issue does
        assertThat(issue("h-faulty").statusCode()).isEqualTo(500);
        // the hostile answers come whatever the faults say: no 500 and no RESET outage of image
        HttpResponse<String> compute = sandbox.get("/h-faulty/compute/v2.1/flavors", null);
        assertThat(compute.statusCode()).isEqualTo(200);
        assertThat(compute.body()).isEqualTo(HostileDocuments.HTML);
        HttpResponse<String> image = sandbox.get("/h-faulty/image/v2/images", null);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(HostileDocuments.HTML);
        CloudStats stats = stats("h-faulty");
        assertThat(stats.count("identity", "500")).isEqualTo(1);
        assertThat(stats.count("image", "reset")).isZero();
        assertThat(stats.hostileCount("image", "not-json")).isEqualTo(1);
        assertThat(stats.hostileCount("compute", "not-json")).isEqualTo(1);
    }

    @Test
    void aProfileChangeKeepsTheCloudButEndsStreamsOfAnotherMode() throws Exception {
        CloudProfile profile = SandboxFixture.hostileCloud("h-switch", HostileProfile.of(HostileMode.ENDLESS_BODY));
        sandbox.server.putCloud(profile);
        String token = sandbox.token("h-switch", "h-switch-secret");
        HostileStreams streams = streams("h-switch");
        try (RawHttp http = RawHttp.connect(sandbox.server.port(), READ_TIMEOUT)) {
            http.send("GET", "/h-switch/network/v2.0/networks", token, null);
            assertThat(http.readHead(64 * 1024).status()).isEqualTo(200);
            assertThat(http.readChunk()).isNotEmpty();
            sandbox.server.setHostile("h-switch", HostileProfile.of(HostileMode.NOT_JSON));
            http.readToEnd();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.openCount() == 0);
        assertThat(sandbox.get("/h-switch/network/v2.0/networks", token).body()).isEqualTo(HostileDocuments.HTML);
        sandbox.server.setHostile("h-switch", null);
        assertThat(sandbox.get("/h-switch/network/v2.0/networks", token).headers().firstValue("Content-Type"))
                .hasValue("application/json");
        sandbox.server.removeCloud("h-switch");
    }

    @Test
    void theShippedHostileCloudsRunInAStandaloneSandbox() {
        try (SandboxFixture shipped = SandboxFixture.start(CloudProfiles.loadFrom("sandbox/hostile-clouds.yaml"))) {
            for (String cloud : List.of("hostile-not-json", "hostile-truncated-json", "hostile-endless-body",
                    "hostile-trickle-body", "hostile-huge-headers", "hostile-wrong-types", "hostile-foreign-endpoints",
                    "hostile-dns-name")) {
                HttpResponse<String> answer = shipped.post("/" + cloud + "/identity/v3/auth/tokens",
                        SandboxFixture.byName("probe", cloud + "-secret"));
                assertThat(answer.statusCode()).as(cloud).isEqualTo(201);
            }
            HttpResponse<String> redirect = shipped.post("/hostile-redirect/identity/v3/auth/tokens",
                    SandboxFixture.byName("probe", "hostile-redirect-secret"));
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.headers().firstValue("Location")).hasValue("http://127.0.0.2:9999/");
        }
    }
}

package org.stackratings.sandbox.api.compute;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.state.CloudInventory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Nova's keypairs: create (generated or imported), list, show, delete, types from 2.2, and Nova's refusals. */
class KeypairApiTest {

    /** Made with ssh-keygen; fingerprints as {@code ssh-keygen -l -E md5} printed them (an outside oracle). */
    private static final String RSA_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCnxplmMKWYDuykvUbp56VQDczXzmQzmp1rITaofoRvUBTfATC2IAtMFfdEUofdxpphA9lkfJx3qvJn0PbVvcolUPbuD9Qk6Tshi1bO9nxMRY7yLj4PhP1FUbUobCZkWL7b3D0BletrGEQ/v4LDJZ8Ds4BnoAG0fr6XJHJcstfs7KNF77TeEUx8tKXf87h/E5nMtyR9mHh2eWayuztH3lCgXE4aebf4UdrbYwftVIYv7WK1kHhyAUSmgIDcfDV6MmnhXxsjQcjpYO4AvJ5A7GaX0iTZcP2isd9ckv3TpDGKGGAFLGL6AdpxCsOmHc7T2AsxqSKKDn9WSmPOw2WEYO6/ tempest@sandbox";
    private static final String RSA_FINGERPRINT = "51:c6:96:07:e7:68:da:60:c6:e4:06:a0:e5:d7:0e:5b";
    private static final String ED25519_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMz1XjKkadfar4HnU7NcANjIugFy3/YgkJrVDzEESorS ed@sandbox";
    private static final String ED25519_FINGERPRINT = "e5:cd:83:df:dc:e0:f0:1a:af:aa:53:c2:b5:ed:d3:b2";
    private static final String KEYPAIRS = "/alpha/compute/v2.1/os-keypairs";

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

    @Test
    void importsListsShowsAndDeletes() {
        HttpResponse<String> created = create(null, new JsonObject().put("name", "imported").put("public_key", RSA_KEY));
        assertThat(created.statusCode()).isEqualTo(200);
        JsonObject keypair = SandboxFixture.json(created).getJsonObject("keypair");
        assertThat(keypair.getString("fingerprint")).isEqualTo(RSA_FINGERPRINT);
        assertThat(keypair.getString("public_key")).isEqualTo(RSA_KEY);
        assertThat(keypair.containsKey("private_key")).as("no private key for an imported one").isFalse();
        assertThat(keypair.containsKey("type")).as("no type before 2.2").isFalse();

        List<String> names = SandboxFixture.json(sandbox.get(KEYPAIRS, token)).getJsonArray("keypairs").stream()
                .map(k -> ((JsonObject) k).getJsonObject("keypair").getString("name")).toList();
        assertThat(names).contains("imported");
        JsonObject shown = SandboxFixture.json(sandbox.get(KEYPAIRS + "/imported", token)).getJsonObject("keypair");
        assertThat(shown.getString("fingerprint")).isEqualTo(RSA_FINGERPRINT);
        assertThat(shown.getBoolean("deleted")).isFalse();
        assertThat(shown.getString("user_id")).isNotBlank();

        assertThat(create(null, new JsonObject().put("name", "imported").put("public_key", RSA_KEY)).statusCode())
                .as("the same name again").isEqualTo(409);
        assertThat(sandbox.call("DELETE", KEYPAIRS + "/imported", token, null).statusCode()).isEqualTo(202);
        assertThat(sandbox.get(KEYPAIRS + "/imported", token).statusCode()).isEqualTo(404);
        assertThat(sandbox.call("DELETE", KEYPAIRS + "/imported", token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void generatesAKeyWhenNoneIsGiven() {
        HttpResponse<String> created = create(null, new JsonObject().put("name", "generated"));
        assertThat(created.statusCode()).isEqualTo(200);
        JsonObject keypair = SandboxFixture.json(created).getJsonObject("keypair");
        assertThat(keypair.getString("private_key")).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(keypair.getString("public_key")).startsWith("ssh-rsa ");
        assertThat(PublicKeys.ssh(keypair.getString("public_key")).orElseThrow().fingerprint())
                .as("the fingerprint of the key it generated").isEqualTo(keypair.getString("fingerprint"));
        assertThat(sandbox.get(KEYPAIRS + "/generated", token).body()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void generatesASelfSignedCertificateForAnX509Keypair() {
        HttpResponse<String> created = create("2.2", new JsonObject().put("name", "cert").put("type", "x509"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject keypair = SandboxFixture.json(created).getJsonObject("keypair");
        assertThat(keypair.getString("type")).isEqualTo("x509");
        assertThat(keypair.getString("private_key")).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PublicKeys.x509(keypair.getString("public_key")).orElseThrow().fingerprint())
                .as("a certificate the JDK reads, with the fingerprint given").isEqualTo(keypair.getString("fingerprint"));
    }

    @Test
    void fromMicroversionTwoTwoHasTypesAndOtherStatuses() {
        HttpResponse<String> created = create("2.2", new JsonObject().put("name", "typed").put("type", "ssh")
                .put("public_key", ED25519_KEY));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject keypair = SandboxFixture.json(created).getJsonObject("keypair");
        assertThat(keypair.getString("type")).isEqualTo("ssh");
        assertThat(keypair.getString("fingerprint")).isEqualTo(ED25519_FINGERPRINT);
        assertThat(create("2.2", new JsonObject().put("name", "odd-type").put("type", "pgp")).statusCode()).isEqualTo(400);
        assertThat(create(null, new JsonObject().put("name", "early-type").put("type", "ssh")).statusCode())
                .as("type before 2.2").isEqualTo(400);
        HttpResponse<String> deleted = sandbox.send(HttpRequest.newBuilder(URI.create(sandbox.server.baseUrl() + KEYPAIRS + "/typed"))
                .header("X-Auth-Token", token).header("OpenStack-API-Version", "compute 2.2").DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(204);
    }

    @Test
    void aServerTakesOnlyAKeypairOfItsUser() {
        String image = new CloudInventory("alpha").images().get(0).id();
        JsonObject server = new JsonObject().put("name", "with-key").put("flavorRef", "1").put("imageRef", image);
        HttpResponse<String> refused = sandbox.call("POST", "/alpha/compute/v2.1/servers", token,
                new JsonObject().put("server", server.copy().put("key_name", "nobody-has-this")).encode());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(SandboxFixture.json(refused).getJsonObject("badRequest").getString("message")).isEqualTo("Invalid key_name provided.");

        assertThat(create(null, new JsonObject().put("name", "for-server").put("public_key", RSA_KEY)).statusCode()).isEqualTo(200);
        HttpResponse<String> accepted = sandbox.call("POST", "/alpha/compute/v2.1/servers", token,
                new JsonObject().put("server", server.copy().put("key_name", "for-server")).encode());
        assertThat(accepted.statusCode()).isEqualTo(202);
        String id = SandboxFixture.json(accepted).getJsonObject("server").getString("id");
        assertThat(SandboxFixture.json(sandbox.get("/alpha/compute/v2.1/servers/" + id, token)).getJsonObject("server")
                .getString("key_name")).isEqualTo("for-server");
        assertThat(sandbox.call("DELETE", "/alpha/compute/v2.1/servers/" + id, token, null).statusCode()).isEqualTo(204);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"keypair\":{\"name\":\"\"}}",
            "{\"keypair\":{\"name\":\"key_/.\"}}",
            "{\"keypair\":{\"name\":\" padded\"}}",
            "{\"keypair\":{\"name\":\"LONG\"}}",
            "{\"keypair\":{\"name\":\"junk\",\"public_key\":\"ssh-rsa JUNK nova@ubuntu\"}}",
            "{\"keypair\":{\"name\":\"empty\",\"public_key\":\"\"}}",
            "{\"keypair\":{\"name\":\"zeros\",\"public_key\":\"ssh-rsa AAAAAAAAAAAAAAAAAAAAAAAA\"}}",
            "{\"keypair\":{\"name\":\"wrong-type\",\"public_key\":\"ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQAB\"}}",
            "{\"keypair\":{}}",
            "{\"name\":\"no-wrapper\"}",
            "not json"})
    void refusesWhatNovaRefuses(String body) {
        String json = body.replace("LONG", "k".repeat(256));
        HttpResponse<String> answer = sandbox.call("POST", KEYPAIRS, token, json);
        assertThat(answer.statusCode()).as(body).isEqualTo(400);
        assertThat(SandboxFixture.json(answer).getJsonObject("badRequest").getString("message")).isNotBlank();
    }

    private static HttpResponse<String> create(String microversion, JsonObject keypair) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.server.baseUrl() + KEYPAIRS))
                .header("X-Auth-Token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("keypair", keypair).encode()));
        if (microversion != null) {
            request.header("OpenStack-API-Version", "compute " + microversion);
        }
        return sandbox.send(request.build());
    }
}

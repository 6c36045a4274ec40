package org.stackratings.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.OSClient;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.model.network.Network;
import org.openstack4j.model.storage.block.Volume;
import org.openstack4j.openstack.OSFactory;
import org.openstack4j.openstack.identity.v3.domain.KeystoneToken;
import okhttp3.HttpUrl;
import org.stackratings.egress.EgressRules;
import org.stackratings.egress.HostResolver;
import org.stackratings.openstack.http.BoundedClient;
import org.stackratings.openstack.http.CallPolicy;
import org.stackratings.openstack.http.CallScope;
import org.stackratings.openstack.http.MemberHttp;
import org.stackratings.sandbox.SandboxServer;
import org.stackratings.sandbox.profile.CloudProfiles;

/**
 * The sandbox speaks well enough OpenStack for openstack4j 3.12, the client the product uses. openstack4j sends
 * through the product's connector, so each test binds a bounded client to its thread ({@link CallScope}).
 */
class SandboxCompatibilityTest {

    private static final MemberHttp HTTP = new MemberHttp();
    private static Vertx vertx;
    private static SandboxServer sandbox;

    private static <T> T scoped(Supplier<T> call) {
        HttpUrl auth = HttpUrl.get(sandbox.authUrl("alpha"));
        CallPolicy policy = new CallPolicy(Set.of(auth.host()), auth.port(), Set.of(), true,
                EgressRules.allowing(List.of("127.0.0.1/32")), HostResolver.SYSTEM);
        BoundedClient client = HTTP.client(policy, new CallLimits(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(20), 4 << 20, 64 << 10, RunDeadline.after(Duration.ofMinutes(1))));
        return CallScope.with(client, call);
    }

    private static void scopedRun(Runnable call) {
        scoped(() -> {
            call.run();
            return null;
        });
    }

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        try (InputStream in = SandboxCompatibilityTest.class.getClassLoader()
                .getResourceAsStream("sandbox/test-clouds.yaml")) {
            sandbox = SandboxServer.start(vertx, "127.0.0.1", 0, CloudProfiles.load(in));
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static OSClient.OSClientV3 password(String cloud, String password) {
        return scoped(() -> OSFactory.builderV3()
                .endpoint(sandbox.authUrl(cloud))
                .credentials("probe", password, Identifier.byName("Default"))
                .scopeToProject(Identifier.byName("probe"), Identifier.byName("Default"))
                .authenticate());
    }

    private static void assertListsEverything(OSClient.OSClientV3 os) {
        scopedRun(() -> assertListsEverythingInScope(os));
    }

    private static void assertListsEverythingInScope(OSClient.OSClientV3 os) {
        List<? extends Flavor> flavors = os.compute().flavors().list();
        assertThat(flavors).extracting(Flavor::getName).containsExactlyInAnyOrder("m1.tiny", "m1.small", "m1.medium");
        Flavor tiny = flavors.stream().filter(f -> f.getName().equals("m1.tiny")).findFirst().orElseThrow();
        assertThat(tiny.getId()).isEqualTo("1");
        assertThat(tiny.getRam()).isEqualTo(512);
        assertThat(tiny.getVcpus()).isEqualTo(1);

        List<? extends Image> images = os.imagesV2().list();
        assertThat(images).extracting(Image::getName)
                .containsExactlyInAnyOrder("cirros-0.6.2-x86_64-disk", "ubuntu-24.04-server");
        assertThat(images).allSatisfy(i -> assertThat(i.getStatus()).isEqualTo(Image.ImageStatus.ACTIVE));

        List<? extends Network> networks = os.networking().network().list();
        assertThat(networks).extracting(Network::getName).containsExactlyInAnyOrder("private", "public");
        assertThat(networks).filteredOn(n -> n.getName().equals("public"))
                .singleElement().satisfies(n -> assertThat(n.isRouterExternal()).isTrue());

        List<? extends Volume> volumes = os.blockStorage().volumes().list();
        assertThat(volumes).extracting(Volume::getName).containsExactlyInAnyOrder("probe-data", "probe-boot");
        assertThat(volumes).extracting(Volume::getSize).containsExactlyInAnyOrder(1, 2);
        assertThat(volumes).allSatisfy(v -> assertThat(v.getStatus()).isEqualTo(Volume.Status.AVAILABLE));
    }

    @Test
    void passwordScopedByName() {
        OSClient.OSClientV3 os = password("alpha", "alpha-secret");
        assertThat(os.getToken().getProject().getId()).isEqualTo("0f3c2a8e5b7d4c1f9a6e3b2d1c0f9e8a");
        assertThat(os.getToken().getUser().getName()).isEqualTo("probe");
        assertThat(os.getToken().getExpires()).isInTheFuture();
        assertListsEverything(os);
    }

    @Test
    void passwordScopedById() {
        OSClient.OSClientV3 os = scoped(() -> OSFactory.builderV3()
                .endpoint(sandbox.authUrl("alpha"))
                .credentials("probe", "alpha-secret", Identifier.byName("Default"))
                .scopeToProject(Identifier.byId("0f3c2a8e5b7d4c1f9a6e3b2d1c0f9e8a"))
                .authenticate());
        assertThat(scoped(() -> os.compute().flavors().list())).hasSize(3);
    }

    /**
     * openstack4j 3.12 has no application-credential method on its v3 builder, so the token is issued with a plain
     * POST and handed to openstack4j with {@code OSFactory.clientFromToken}, as the product has to do.
     */
    @Test
    void applicationCredential() throws Exception {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],"
                + "\"application_credential\":{\"id\":\"alpha-appcred\",\"secret\":\"alpha-appcred-secret\"}}}}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.authUrl("alpha") + "/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        KeystoneToken token = ObjectMapperSingleton.getContext(KeystoneToken.class)
                .readValue(response.body(), KeystoneToken.class);
        token.setId(response.headers().firstValue("X-Subject-Token").orElseThrow());
        token.setEndpoint(sandbox.authUrl("alpha"));
        assertThat(token.getMethods()).containsExactly("application_credential");
        assertListsEverything(OSFactory.clientFromToken(token));
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailure() {
        assertThatThrownBy(() -> password("alpha", "wrong")).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aCloudWithoutBlockStorageHasNoVolumeEndpoint() {
        OSClient.OSClientV3 os = password("missing-volume", "missing-secret");
        assertThat(scoped(() -> os.compute().flavors().list())).hasSize(3);
        // with no block-storage endpoint in the catalog openstack4j falls back to the identity URL, gets 404 there
        // and reports an empty list
        assertThat(scoped(() -> os.blockStorage().volumes().list())).isEmpty();
    }
}

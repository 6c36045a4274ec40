package org.stackratings.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stackratings.sandbox.SandboxFixture;

/**
 * The standard {@code openstack} CLI (python3-openstackclient) against the sandbox. Needs the CLI installed, so it is
 * excluded by default: run with {@code ./mvnw verify -Dsurefire.excludedGroups= -Dgroups=openstack-cli}.
 */
@Tag("openstack-cli")
class OpenStackCliTest {

    private static SandboxFixture sandbox;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start(SandboxFixture.testClouds());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String openstack(String... command) throws IOException, InterruptedException {
        List<String> withFormat = new ArrayList<>(List.of(command));
        withFormat.addAll(List.of("-f", "value"));
        return run(withFormat.toArray(String[]::new));
    }

    /** Runs a command as given (commands that print no table take no {@code -f}). */
    private static String run(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("openstack",
                "--os-auth-url", sandbox.server.authUrl("alpha"),
                "--os-identity-api-version", "3",
                "--os-username", "probe",
                "--os-password", "alpha-secret",
                "--os-project-name", "probe",
                "--os-user-domain-name", "Default",
                "--os-project-domain-name", "Default",
                "--os-region-name", "RegionOne"));
        args.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("OS_"));
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("openstack %s failed:%n%s", String.join(" ", command), output)
                .isZero();
        return output;
    }

    @Test
    void tokenIssue() throws Exception {
        String out = openstack("token", "issue", "-c", "project_id", "-c", "id");
        assertThat(out).contains("0f3c2a8e5b7d4c1f9a6e3b2d1c0f9e8a").contains("gAAAAAB");
    }

    @Test
    void catalogList() throws Exception {
        String out = openstack("catalog", "list", "-c", "Type");
        assertThat(out.lines().toList()).containsExactlyInAnyOrder("identity", "compute", "image", "network",
                "block-storage", "volumev3");
    }

    @Test
    void flavorList() throws Exception {
        String out = openstack("flavor", "list", "-c", "Name", "-c", "RAM");
        assertThat(out.lines().toList()).containsExactlyInAnyOrder("m1.tiny 512", "m1.small 2048", "m1.medium 4096");
    }

    @Test
    void imageList() throws Exception {
        String out = openstack("image", "list", "-c", "Name", "-c", "Status");
        assertThat(out.lines().toList()).containsExactlyInAnyOrder("cirros-0.6.2-x86_64-disk active",
                "ubuntu-24.04-server active");
    }

    @Test
    void networkList() throws Exception {
        String out = openstack("network", "list", "-c", "Name");
        assertThat(out.lines().toList()).containsExactlyInAnyOrder("private", "public");
    }

    @Test
    void volumeList() throws Exception {
        String out = openstack("volume", "list", "-c", "Name", "-c", "Status", "-c", "Size");
        assertThat(out.lines().toList()).containsExactlyInAnyOrder("probe-data available 1", "probe-boot available 2");
    }

    @Test
    void serverLifecycle() throws Exception {
        String id = openstack("server", "create", "--flavor", "m1.tiny", "--image", "cirros-0.6.2-x86_64-disk",
                "--network", "private", "--property", "stackratings.run=cli", "--wait", "probe-cli",
                "-c", "id").strip();
        assertThat(id).matches("[0-9a-f-]{36}");
        String show = openstack("server", "show", id, "-c", "name", "-c", "status", "-c", "flavor", "-c", "image");
        assertThat(show).contains("probe-cli").contains("ACTIVE").contains("m1.tiny")
                .contains("cirros-0.6.2-x86_64-disk");
        assertThat(openstack("server", "list", "-c", "Name", "-c", "Status").lines().toList())
                .contains("probe-cli ACTIVE");
        assertThat(sandbox.server.cloud("alpha").orElseThrow().servers()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.metadata()).containsEntry("stackratings.run", "cli");
        });
        run("server", "delete", "--wait", id);
        assertThat(sandbox.server.cloud("alpha").orElseThrow().servers()).noneMatch(s -> s.id().equals(id));
        assertThat(openstack("server", "list", "-c", "Name").lines().toList()).doesNotContain("probe-cli");
    }

    @Test
    void serverResizeConfirmAndRevert() throws Exception {
        String id = openstack("server", "create", "--flavor", "m1.tiny", "--image", "cirros-0.6.2-x86_64-disk",
                "--network", "private", "--wait", "probe-cli-resize", "-c", "id").strip();
        run("server", "resize", "--flavor", "m1.small", "--wait", id);
        assertThat(openstack("server", "show", id, "-c", "status")).contains("VERIFY_RESIZE");
        run("server", "resize", "confirm", id);
        awaitStatus(id, "ACTIVE");
        assertThat(openstack("server", "show", id, "-c", "flavor")).contains("m1.small");
        run("server", "resize", "--flavor", "m1.medium", "--wait", id);
        run("server", "resize", "revert", id);
        awaitStatus(id, "ACTIVE");
        assertThat(openstack("server", "show", id, "-c", "flavor")).as("reverted").contains("m1.small")
                .doesNotContain("m1.medium");
        run("server", "delete", "--wait", id);
    }

    @Test
    void keypairCreateShowAndDelete() throws Exception {
        String privateKey = run("keypair", "create", "probe-cli-key");
        assertThat(privateKey).contains("PRIVATE KEY");
        assertThat(openstack("keypair", "list", "-c", "Name").lines().toList()).contains("probe-cli-key");
        assertThat(openstack("keypair", "show", "probe-cli-key", "-c", "fingerprint").strip())
                .matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        run("keypair", "delete", "probe-cli-key");
        assertThat(openstack("keypair", "list", "-c", "Name").lines().toList()).doesNotContain("probe-cli-key");
    }

    @Test
    void imageCreateDownloadAndDelete() throws Exception {
        Path file = Files.createTempFile("cli-image", ".raw");
        byte[] bytes = "not really a disk, but bytes all the same\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        String id = openstack("image", "create", "--file", file.toString(), "--disk-format", "raw",
                "--container-format", "bare", "--private", "probe-cli-image", "-c", "id").strip();
        assertThat(id).matches("[0-9a-f-]{36}");
        String show = openstack("image", "show", id, "-c", "status", "-c", "size", "-c", "visibility");
        assertThat(show.lines().toList()).contains("active", String.valueOf(bytes.length), "private");
        Path saved = Files.createTempFile("cli-image", ".saved");
        run("image", "save", "--file", saved.toString(), id);
        assertThat(Files.readAllBytes(saved)).isEqualTo(bytes);
        run("image", "delete", id);
        assertThat(openstack("image", "list", "-c", "Name").lines().toList()).doesNotContain("probe-cli-image");
        Files.delete(file);
        Files.delete(saved);
    }

    @Test
    void networkAndSubnetCreateAndDelete() throws Exception {
        String id = openstack("network", "create", "probe-cli-net", "-c", "id").strip();
        assertThat(id).matches("[0-9a-f-]{36}");
        String subnet = openstack("subnet", "create", "--network", "probe-cli-net", "--subnet-range",
                "10.99.0.0/24", "probe-cli-subnet", "-c", "gateway_ip", "-c", "cidr");
        assertThat(subnet.lines().toList()).contains("10.99.0.0/24", "10.99.0.1");
        assertThat(openstack("network", "list", "-c", "Name").lines().toList()).contains("probe-cli-net");
        run("network", "delete", "probe-cli-net");
        assertThat(openstack("network", "list", "-c", "Name").lines().toList()).doesNotContain("probe-cli-net");
        assertThat(openstack("subnet", "list", "-c", "Name").lines().toList()).as("deleted with its network")
                .doesNotContain("probe-cli-subnet");
    }

    @Test
    void volumeCreateAndDelete() throws Exception {
        String id = openstack("volume", "create", "--size", "1", "probe-cli-volume", "-c", "id").strip();
        assertThat(id).matches("[0-9a-f-]{36}");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                openstack("volume", "show", id, "-c", "status").strip().equals("available"));
        assertThat(openstack("volume", "list", "-c", "Name", "-c", "Size").lines().toList())
                .contains("probe-cli-volume 1");
        run("volume", "delete", id);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                !openstack("volume", "list", "-c", "ID").lines().toList().contains(id));
    }

    private static void awaitStatus(String server, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                openstack("server", "show", server, "-c", "status").strip().equals(status));
    }
}

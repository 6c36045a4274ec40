package org.stackratings.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container image that scripts/build-image.sh wrote to target/image/stackratings-oci.tar, read as an OCI image
 * layout: its configuration (user, entrypoint, ports, volume, labels), the digests of its blobs, and the files that
 * matter in its layers. Tagged "image": it runs after the script (.ci/run), not in the plain ./mvnw verify.
 */
@Tag("image")
class ImageArchiveTest {

    private static final Path ARCHIVE = Path.of("target", "image", "stackratings-oci.tar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SMALL_BLOB = 1 << 20;

    private static Map<String, byte[]> smallFiles;
    private static Map<String, String> blobDigests;
    private static JsonNode manifest;
    private static JsonNode config;

    @BeforeAll
    static void readTheArchive() throws IOException {
        assertThat(ARCHIVE).as("run scripts/build-image.sh first").isRegularFile();
        smallFiles = new HashMap<>();
        blobDigests = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new BufferedInputStream(Files.newInputStream(ARCHIVE)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (!entry.isFile()) {
                    continue;
                }
                if (entry.getName().startsWith("blobs/sha256/")) {
                    DigestInputStream digesting = new DigestInputStream(tar, sha256());
                    byte[] small = entry.getSize() <= SMALL_BLOB ? digesting.readAllBytes() : null;
                    if (small == null) {
                        digesting.transferTo(OutputStream.nullOutputStream());
                    } else {
                        smallFiles.put(entry.getName(), small);
                    }
                    blobDigests.put(entry.getName(), HexFormat.of().formatHex(digesting.getMessageDigest().digest()));
                } else {
                    smallFiles.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        JsonNode index = json("index.json");
        assertThat(index.at("/manifests")).hasSize(1);
        manifest = blob(index.at("/manifests/0/digest").asText());
        config = blob(manifest.at("/config/digest").asText());
    }

    @Test
    void theArchiveIsAnOciLayoutWhoseBlobsMatchTheirDigests() throws IOException {
        assertThat(json("oci-layout").at("/imageLayoutVersion").asText()).isEqualTo("1.0.0");
        assertThat(json("index.json").at("/manifests/0/annotations/org.opencontainers.image.ref.name").asText())
                .isEqualTo("stackratings:" + projectVersion());
        assertThat(json("index.json").at("/manifests/0/mediaType").asText())
                .isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(manifest.at("/config/mediaType").asText()).isEqualTo("application/vnd.oci.image.config.v1+json");
        assertThat(blobDigests).allSatisfy((name, digest) -> assertThat(name).isEqualTo("blobs/sha256/" + digest));
        List<String> layers = new ArrayList<>();
        manifest.at("/layers").forEach(layer -> layers.add(layer.at("/digest").asText()));
        assertThat(layers).as("the base, dependencies, Quarkus and the application").hasSize(4)
                .allSatisfy(digest -> assertThat(blobDigests).containsKey(path(digest)));
        assertThat(config.at("/rootfs/diff_ids")).hasSize(layers.size());
        assertThat(config.at("/os").asText()).isEqualTo("linux");
        assertThat(config.at("/architecture").asText()).isEqualTo("amd64");
    }

    @Test
    void itRunsAsANonRootUserWithTheJvmSizedFromTheContainersMemory() {
        String user = config.at("/config/User").asText();
        List<String> entrypoint = new ArrayList<>();
        config.at("/config/Entrypoint").forEach(argument -> entrypoint.add(argument.asText()));

        assertThat(user).matches("[0-9]+:[0-9]+");
        assertThat(Integer.parseInt(user.split(":")[0])).as("uid of %s", user).isPositive();
        assertThat(Integer.parseInt(user.split(":")[1])).as("gid of %s", user).isPositive();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).anySatisfy(flag -> assertThat(flag).matches("-XX:MaxRAMPercentage=[0-9.]+"))
                .contains("-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp")
                .noneSatisfy(flag -> assertThat(flag).matches("-Xm[xs].*"))
                .endsWith("-jar", "/deployments/quarkus-run.jar");
        assertThat(config.at("/config/Cmd").isMissingNode() || config.at("/config/Cmd").isNull()).isTrue();
        assertThat(config.at("/config/WorkingDir").asText()).isEqualTo("/deployments");
    }

    @Test
    void itExposesTheApiAndManagementPortsAndDeclaresTmpAsItsOnlyVolume() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            properties.load(in);
        }

        assertThat(fieldNames(config.at("/config/ExposedPorts"))).containsExactlyInAnyOrder(
                properties.getProperty("quarkus.http.port") + "/tcp",
                properties.getProperty("quarkus.management.port") + "/tcp");
        assertThat(fieldNames(config.at("/config/Volumes"))).containsExactly("/tmp");
    }

    @Test
    void itCarriesTheOciLabels() throws IOException {
        JsonNode labels = config.at("/config/Labels");

        assertThat(labels.at("/org.opencontainers.image.title").asText()).isEqualTo("StackRatings");
        assertThat(labels.at("/org.opencontainers.image.version").asText()).isEqualTo(projectVersion());
        assertThat(labels.at("/org.opencontainers.image.source").asText()).isNotBlank();
        assertThat(labels.at("/org.opencontainers.image.licenses").asText()).isNotBlank();
        assertThat(labels.at("/org.opencontainers.image.revision").asText()).matches("[0-9a-f]{40}|unknown");
    }

    @Test
    void theApplicationIsInItsLayersOwnedByRootAndTheUserExists() throws IOException {
        Map<String, TarArchiveEntry> files = new HashMap<>();
        Map<String, String> passwd = new HashMap<>();
        for (JsonNode layer : manifest.at("/layers")) {
            try (TarArchiveInputStream tar = layer(layer.at("/digest").asText())) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    String name = entry.getName().replaceFirst("^\\./", "");
                    files.put(name, entry);
                    if (name.equals("etc/passwd")) {
                        new String(tar.readAllBytes()).lines()
                                .forEach(line -> passwd.put(line.split(":")[0], line));
                    }
                }
            }
        }
        String uid = config.at("/config/User").asText().split(":")[0];

        TarArchiveEntry runner = files.get("deployments/quarkus-run.jar");
        assertThat(runner).as("deployments/quarkus-run.jar in a layer").isNotNull();
        assertThat(runner.getLongUserId()).isZero();
        assertThat(runner.getMode() & 0022).as("writable by group or others").isZero();
        assertThat(files).containsKeys("deployments/lib/main/", "deployments/quarkus/quarkus-application.dat",
                "usr/lib/jvm/java-17-openjdk-amd64/bin/java");
        assertThat(passwd.get("stackratings")).startsWith("stackratings:x:" + uid + ":" + uid + ":");
        assertThat(files.get("tmp/").getMode() & 01777).isEqualTo(01777);
    }

    private static TarArchiveInputStream layer(String digest) throws IOException {
        byte[] small = smallFiles.get(path(digest));
        InputStream raw = small != null ? new ByteArrayInputStream(small) : blobStream(path(digest));
        // umoci compresses in parallel: several gzip members, which java.util.zip.GZIPInputStream may stop after
        return new TarArchiveInputStream(new GzipCompressorInputStream(new BufferedInputStream(raw), true));
    }

    /** A large blob, read again from the archive. */
    private static InputStream blobStream(String name) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(ARCHIVE)));
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            if (entry.getName().equals(name)) {
                return tar;
            }
        }
        tar.close();
        throw new AssertionError(name + " is not in " + ARCHIVE);
    }

    private static JsonNode json(String name) throws IOException {
        assertThat(smallFiles).containsKey(name);
        return JSON.readTree(smallFiles.get(name));
    }

    private static JsonNode blob(String digest) throws IOException {
        return json(path(digest));
    }

    private static String path(String digest) {
        assertThat(digest).startsWith("sha256:");
        return "blobs/sha256/" + digest.substring("sha256:".length());
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("(?m)^  <version>([^<]+)</version>$").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).as("the project's version in pom.xml").isTrue();
        return version.group(1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has SHA-256", e);
        }
    }

}

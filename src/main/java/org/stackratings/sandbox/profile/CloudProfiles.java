package org.stackratings.sandbox.profile;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.stackratings.sandbox.profile.yaml.CloudProfileReader;
import org.stackratings.sandbox.profile.yaml.CloudProfileWriter;

/**
 * Reads cloud profiles from YAML (or JSON) ({@link CloudProfileReader}) and writes them back as JSON
 * ({@link CloudProfileWriter}). Every problem names the cloud and the field.
 */
public final class CloudProfiles {

    private CloudProfiles() {
    }

    /** Reads a document {@code clouds: [ ... ]}. */
    public static List<CloudProfile> load(InputStream yaml) {
        try {
            return parse(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cloud profiles", e);
        }
    }

    /** Reads profiles from a classpath resource or, failing that, a file. */
    public static List<CloudProfile> loadFrom(String location) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String resource = location.startsWith("/") ? location.substring(1) : location;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                return load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox profiles " + location, e);
        }
        Path file = Path.of(location);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("sandbox profiles '" + location
                    + "' are neither a classpath resource nor a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox profiles " + file, e);
        }
    }

    /** Parses a document {@code clouds: [ ... ]}. */
    public static List<CloudProfile> parse(String yaml) {
        return CloudProfileReader.document(yaml);
    }

    /** Parses one cloud profile (YAML or JSON object); {@code defaultName} is used when it has no {@code name}. */
    public static CloudProfile parseOne(String yaml, String defaultName) {
        return CloudProfileReader.one(yaml, defaultName);
    }

    /**
     * Parses the {@code hostile} section of one cloud on its own (YAML or JSON: {@code {"mode": "endless-body"}}), as
     * the control API's {@code PUT /_sandbox/clouds/{name}/hostile} takes it. Problems name the cloud and the field.
     */
    public static HostileProfile parseHostile(String yaml, String cloud) {
        return CloudProfileReader.hostile(yaml, cloud);
    }

    /** The profile as JSON, in the same shape as the YAML it can be read from. */
    public static JsonObject toJson(CloudProfile p) {
        return CloudProfileWriter.toJson(p);
    }

    /** The {@code hostile} section as JSON, in the YAML's shape; null when the cloud is not hostile. */
    public static JsonObject hostileJson(HostileProfile h) {
        return CloudProfileWriter.hostileJson(h);
    }
}

package org.stackratings.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads a guideline JSON (schema 2.0) and extracts one platform's required capabilities; bad data fails loudly. */
final class GuidelineLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GuidelineLoader() {
    }

    static Guideline load(String location, String platform) {
        try (InputStream in = open(location)) {
            return parse(JSON.readTree(in), location, platform);
        } catch (IOException e) {
            throw new InvalidGuidelineException(location, "not readable JSON: " + e.getMessage());
        }
    }

    static Guideline parse(JsonNode root, String location, String platform) {
        String id = text(root.path("metadata"), "id", location, "metadata.id");
        JsonNode platformNode = root.path("platforms").path(platform);
        if (!platformNode.isObject()) {
            throw new InvalidGuidelineException(location, "no platform '" + platform + "' under platforms");
        }
        List<Guideline.Capability> required = new ArrayList<>();
        JsonNode components = platformNode.path("components");
        if (!components.isArray() || components.isEmpty()) {
            throw new InvalidGuidelineException(location, "platform '" + platform + "' lists no components");
        }
        for (JsonNode component : components) {
            String name = text(component, "name", location, "platforms." + platform + ".components[].name");
            JsonNode names = root.path("components").path(name).path("capabilities").path("required");
            if (!names.isArray()) {
                throw new InvalidGuidelineException(location, "components." + name + ".capabilities.required is missing");
            }
            for (JsonNode capabilityName : names) {
                JsonNode capability = root.path("capabilities").path(capabilityName.asText());
                if (!capability.isObject()) {
                    throw new InvalidGuidelineException(location, "required capability '" + capabilityName.asText()
                            + "' has no definition under capabilities");
                }
                int tests = 0;
                int flagged = 0;
                for (Iterator<JsonNode> it = capability.path("tests").elements(); it.hasNext(); ) {
                    tests++;
                    if (it.next().has("flagged")) {
                        flagged++;
                    }
                }
                required.add(new Guideline.Capability(capabilityName.asText(), capability.path("project").asText(""),
                        capability.path("description").asText(""), tests, flagged));
            }
        }
        if (required.isEmpty()) {
            throw new InvalidGuidelineException(location, "platform '" + platform + "' has no required capability");
        }
        return new Guideline(id, platform, root.path("metadata").path("source").asText(location), List.copyOf(required));
    }

    private static InputStream open(String location) throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(location);
        if (in != null) {
            return in;
        }
        Path file = Path.of(location);
        if (!Files.isRegularFile(file)) {
            throw new InvalidGuidelineException(location, "neither a classpath resource nor a file");
        }
        return Files.newInputStream(file);
    }

    private static String text(JsonNode node, String field, String location, String path) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidGuidelineException(location, path + " is missing");
        }
        return value.asText();
    }
}

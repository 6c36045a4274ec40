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
        return parse(read(location), location, platform);
    }

    /** The JSON of a guideline file (a classpath resource or a file). */
    static JsonNode read(String location) {
        try (InputStream in = open(location)) {
            JsonNode root = JSON.readTree(in);
            if (root == null || !root.isObject()) {
                throw new InvalidGuidelineException(location, "not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new InvalidGuidelineException(location, "not readable JSON: " + e.getMessage());
        }
    }

    /** The names of the platforms a guideline defines. */
    static List<String> platforms(JsonNode root) {
        List<String> names = new ArrayList<>();
        root.path("platforms").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The add-ons of an add-on file ({@code add-ons.<name>}), each as a target: its own components' required
     * capabilities plus those of the platform components it requires from the guideline {@code base} (whose file
     * is {@code baseLocation}). An add-on built on another guideline than {@code base} is refused.
     */
    static List<Guideline> addOns(JsonNode root, String location, JsonNode base, String baseLocation) {
        String id = text(root.path("metadata"), "id", location, "metadata.id");
        String baseId = text(base.path("metadata"), "id", baseLocation, "metadata.id");
        JsonNode addOns = root.path("add-ons");
        if (!addOns.isObject() || addOns.isEmpty()) {
            throw new InvalidGuidelineException(location, "no add-ons (an add-on file names them under add-ons)");
        }
        List<Guideline> targets = new ArrayList<>();
        for (Iterator<String> names = addOns.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode addOn = addOns.path(name);
            List<Guideline.Capability> required = new ArrayList<>();
            JsonNode platformComponents = addOn.path("required_platform_components");
            if (!platformComponents.isArray() || platformComponents.isEmpty()) {
                throw new InvalidGuidelineException(location, "add-on '" + name + "' names no required_platform_components");
            }
            for (JsonNode component : platformComponents) {
                String source = component.path("source").asText("");
                if (!source.endsWith("/" + baseId + ".json")) {
                    throw new InvalidGuidelineException(location, "add-on '" + name + "' builds on " + source
                            + ", not on the configured guideline " + baseId);
                }
                required.addAll(capabilities(base, baseLocation, text(component, "name", location,
                        "add-ons." + name + ".required_platform_components[].name")));
            }
            JsonNode components = addOn.path("components");
            if (!components.isArray() || components.isEmpty()) {
                throw new InvalidGuidelineException(location, "add-on '" + name + "' lists no components");
            }
            for (JsonNode component : components) {
                required.addAll(capabilities(root, location, text(component, "name", location,
                        "add-ons." + name + ".components[].name")));
            }
            targets.add(new Guideline(id, name, root.path("metadata").path("source").asText(location),
                    List.copyOf(required)));
        }
        return targets;
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
            required.addAll(capabilities(root, location, text(component, "name", location,
                    "platforms." + platform + ".components[].name")));
        }
        if (required.isEmpty()) {
            throw new InvalidGuidelineException(location, "platform '" + platform + "' has no required capability");
        }
        return new Guideline(id, platform, root.path("metadata").path("source").asText(location), List.copyOf(required));
    }

    /** The required capabilities of one component of a guideline file. */
    private static List<Guideline.Capability> capabilities(JsonNode root, String location, String component) {
        JsonNode names = root.path("components").path(component).path("capabilities").path("required");
        if (!names.isArray()) {
            throw new InvalidGuidelineException(location, "components." + component + ".capabilities.required is missing");
        }
        List<Guideline.Capability> required = new ArrayList<>();
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
        return required;
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

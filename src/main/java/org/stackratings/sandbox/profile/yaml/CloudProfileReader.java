package org.stackratings.sandbox.profile.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stackratings.sandbox.profile.AppCredentialSpec;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.Deviation;
import org.stackratings.sandbox.profile.HostileProfile;
import org.stackratings.sandbox.profile.LatencyProfile;
import org.stackratings.sandbox.profile.LifecycleProfile;
import org.stackratings.sandbox.profile.OutageWindow;
import org.stackratings.sandbox.profile.ProfileException;
import org.stackratings.sandbox.profile.ProjectSpec;
import org.stackratings.sandbox.profile.UserSpec;

/**
 * Reads cloud profiles from YAML (or JSON): a document {@code clouds: [ ... ]}, one cloud, or one cloud's
 * {@code hostile} section. Every problem is a {@link ProfileException} that names the cloud and the field.
 */
public final class CloudProfileReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> CLOUD_FIELDS = Set.of("name", "description", "region", "domain", "project",
            "users", "applicationCredentials", "services", "catalogHost", "latency", "serviceLatency", "errorRate",
            "errorStatus", "seed", "outages", "hangMs", "tokenTtl", "bootTime", "bootFailureRate", "deleteTime",
            "deleteFailureRate", "maxServers", "deviations", "hostile");

    private CloudProfileReader() {
    }

    /** The clouds of a document {@code clouds: [ ... ]}, their names unique. */
    public static List<CloudProfile> document(String yaml) {
        JsonNode root = readTree(yaml);
        JsonNode clouds = root == null ? null : root.get("clouds");
        if (clouds == null || !clouds.isArray()) {
            throw new ProfileException("a profile document must have a list 'clouds'", null);
        }
        List<CloudProfile> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < clouds.size(); i++) {
            CloudProfile profile = cloud(clouds.get(i), null, "clouds[" + i + "]");
            if (!names.add(profile.name())) {
                throw new ProfileException(profile.name(), "name", "the name is used twice");
            }
            result.add(profile);
        }
        return List.copyOf(result);
    }

    /** One cloud; {@code defaultName} is used when it has no {@code name}. */
    public static CloudProfile one(String yaml, String defaultName) {
        return cloud(readTree(yaml), defaultName, defaultName);
    }

    /** The {@code hostile} section of cloud {@code cloud} on its own. */
    public static HostileProfile hostile(String yaml, String cloud) {
        return new ProfileSectionReader(new ProfileFieldReader(cloud)).hostile(readTree(yaml), "hostile");
    }

    private static JsonNode readTree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ProfileException("invalid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** One cloud's mapping; {@code where} names it in errors until its name is known. */
    private static CloudProfile cloud(JsonNode node, String defaultName, String where) {
        if (node == null || !node.isObject()) {
            throw new ProfileException(String.valueOf(where), "", "a cloud profile must be a mapping");
        }
        String name = node.hasNonNull("name") ? node.get("name").asText() : defaultName;
        ProfileFieldReader r = new ProfileFieldReader(name == null ? where : name);
        ProfileSectionReader sections = new ProfileSectionReader(r);
        r.onlyFields(node, "", CLOUD_FIELDS);
        if (name == null || !CloudProfile.NAME.matcher(name).matches()) {
            throw r.fail("name", "'" + name + "' must match " + CloudProfile.NAME.pattern());
        }
        List<String> services = r.serviceList(node.get("services"), "services", CloudProfile.ALL_SERVICES);
        List<UserSpec> users = users(r, node);
        List<AppCredentialSpec> creds = applicationCredentials(r, node, users);
        ProjectSpec project = project(r, node);
        LatencyProfile latency = node.hasNonNull("latency") ? sections.latency(node.get("latency"), "latency")
                : LatencyProfile.NONE;
        Map<String, LatencyProfile> serviceLatency = serviceLatency(r, sections, node);
        double errorRate = r.numberField(node, "errorRate", 0);
        if (errorRate < 0 || errorRate > 1) {
            throw r.fail("errorRate", errorRate + " is not within 0..1");
        }
        int errorStatus = (int) r.numberField(node, "errorStatus", 503);
        if (errorStatus < 400 || errorStatus > 599) {
            throw r.fail("errorStatus", errorStatus + " is not an HTTP error status (400..599)");
        }
        Long seed = node.hasNonNull("seed") ? (long) r.numberField(node, "seed", 0) : null;
        List<OutageWindow> outages = new ArrayList<>();
        JsonNode outagesNode = r.list(node, "outages");
        for (int i = 0; i < outagesNode.size(); i++) {
            outages.add(sections.outage(outagesNode.get(i), "outages[" + i + "]"));
        }
        long hangMs = (long) r.numberField(node, "hangMs", 120_000);
        if (hangMs < 0) {
            throw r.fail("hangMs", "must not be negative");
        }
        Duration tokenTtl = node.hasNonNull("tokenTtl") ? r.duration(node.get("tokenTtl"), "tokenTtl")
                : Duration.ofHours(1);
        if (tokenTtl.isZero() || tokenTtl.isNegative()) {
            throw r.fail("tokenTtl", "must be positive");
        }
        String catalogHost = r.text(node, "catalogHost", "catalogHost", null);
        if (catalogHost != null && !catalogHost.matches("[A-Za-z0-9.\\[\\]:-]+(:\\d{1,5})?")) {
            throw r.fail("catalogHost", "'" + catalogHost + "' is not host or host:port");
        }
        LifecycleProfile lifecycle = sections.lifecycle(node);
        List<Deviation> deviations = new ArrayList<>();
        JsonNode deviationsNode = r.list(node, "deviations");
        for (int i = 0; i < deviationsNode.size(); i++) {
            deviations.add(sections.deviation(deviationsNode.get(i), "deviations[" + i + "]"));
        }
        HostileProfile hostile = node.hasNonNull("hostile") ? sections.hostile(node.get("hostile"), "hostile")
                : null;
        return new CloudProfile(name, r.text(node, "description", "description", ""),
                r.text(node, "region", "region", "RegionOne"), r.text(node, "domain", "domain", "Default"), project,
                users, creds, services, catalogHost, latency, serviceLatency, errorRate, errorStatus, seed, outages,
                hangMs, tokenTtl, lifecycle, deviations, hostile);
    }

    private static List<UserSpec> users(ProfileFieldReader r, JsonNode node) {
        List<UserSpec> users = new ArrayList<>();
        JsonNode usersNode = r.list(node, "users");
        for (int i = 0; i < usersNode.size(); i++) {
            JsonNode u = usersNode.get(i);
            String f = "users[" + i + "]";
            r.onlyFields(u, f, Set.of("id", "name", "password"));
            users.add(new UserSpec(r.text(u, f + ".id", "id", null), r.required(u, f, "name"),
                    r.required(u, f, "password")));
        }
        return users;
    }

    /** Application credentials; the cloud must have users, and a credential's {@code user}, if given, names one. */
    private static List<AppCredentialSpec> applicationCredentials(ProfileFieldReader r, JsonNode node,
            List<UserSpec> users) {
        List<AppCredentialSpec> creds = new ArrayList<>();
        JsonNode credsNode = r.list(node, "applicationCredentials");
        for (int i = 0; i < credsNode.size(); i++) {
            JsonNode a = credsNode.get(i);
            String f = "applicationCredentials[" + i + "]";
            r.onlyFields(a, f, Set.of("id", "name", "secret", "user"));
            String user = r.text(a, f + ".user", "user", null);
            if (users.isEmpty() || (user != null && users.stream().noneMatch(u -> u.name().equals(user)))) {
                throw r.fail(f + ".user", "names no user of this cloud");
            }
            creds.add(new AppCredentialSpec(r.required(a, f, "id"), r.text(a, f + ".name", "name", null),
                    r.required(a, f, "secret"), user));
        }
        return creds;
    }

    private static ProjectSpec project(ProfileFieldReader r, JsonNode node) {
        ProjectSpec project = new ProjectSpec(null, "probe");
        JsonNode projectNode = node.get("project");
        if (projectNode != null && !projectNode.isNull()) {
            r.onlyFields(projectNode, "project", Set.of("id", "name"));
            project = new ProjectSpec(r.text(projectNode, "project.id", "id", null),
                    r.text(projectNode, "project.name", "name", "probe"));
            if (project.id() != null && !project.id().matches("[A-Za-z0-9_-]{1,64}")) {
                throw r.fail("project.id", "must be 1 to 64 letters, digits, '-' or '_'");
            }
        }
        return project;
    }

    private static Map<String, LatencyProfile> serviceLatency(ProfileFieldReader r, ProfileSectionReader sections,
            JsonNode node) {
        Map<String, LatencyProfile> serviceLatency = new LinkedHashMap<>();
        JsonNode sl = node.get("serviceLatency");
        if (sl != null && !sl.isNull()) {
            if (!sl.isObject()) {
                throw r.fail("serviceLatency", "must be a mapping of service to latency");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = sl.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!CloudProfile.ALL_SERVICES.contains(e.getKey())) {
                    throw r.fail("serviceLatency." + e.getKey(), "unknown service (expected one of "
                            + CloudProfile.ALL_SERVICES + ")");
                }
                serviceLatency.put(e.getKey(), sections.latency(e.getValue(), "serviceLatency." + e.getKey()));
            }
        }
        return serviceLatency;
    }
}

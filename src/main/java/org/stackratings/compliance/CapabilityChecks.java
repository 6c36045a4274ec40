package org.stackratings.compliance;

import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;

import java.util.List;
import java.util.Map;
import java.util.Optional;


import static org.stackratings.compliance.Expectation.array;
import static org.stackratings.compliance.Expectation.body;
import static org.stackratings.compliance.Expectation.object;
import static org.stackratings.compliance.Expectation.status;
import static org.stackratings.openstack.CloudService.COMPUTE;
import static org.stackratings.openstack.CloudService.IDENTITY;
import static org.stackratings.openstack.CloudService.IMAGE;
import static org.stackratings.openstack.CloudService.NETWORK;
import static org.stackratings.openstack.CloudService.VOLUME;

/**
 * The checks the agency runs, by capability name, made of the API calls listed in the interop capability table
 * (../shared/interop/capabilities.md). They read, or send requests that a compliant cloud refuses; none creates a
 * resource. Capabilities without an entry here are NOT_CHECKED (docs/compliance.md lists them and why).
 */
final class CapabilityChecks {

    /** An id no cloud has: the negative checks ask for it and expect 404. */
    static final String ABSENT = "00000000-5eed-4bad-8000-" + "000000000404";

    private static final Map<String, List<Expectation>> CHECKS = Map.ofEntries(
            Map.entry("compute-availability-zones-list", List.of(
                    body(s -> get(COMPUTE, "/os-availability-zone"), array("availabilityZoneInfo", false), 200))),
            Map.entry("compute-flavors-list", List.of(
                    body(s -> get(COMPUTE, "/flavors"), array("flavors", false), 200),
                    body(s -> get(COMPUTE, "/flavors/detail"), array("flavors", false), 200))),
            Map.entry("compute-list-api-versions", List.of(
                    body(s -> ApiCall.versions(COMPUTE), array("versions", false), 200, 300))),
            Map.entry("compute-quotas-get", List.of(
                    body(s -> get(COMPUTE, "/os-quota-sets/" + s.projectId()), object("quota_set"), 200),
                    body(s -> get(COMPUTE, "/os-quota-sets/" + s.projectId() + "/defaults"), object("quota_set"), 200))),
            Map.entry("compute-servers-get", List.of(
                    status(s -> get(COMPUTE, "/servers/" + ABSENT), 404))),
            Map.entry("compute-servers-list", List.of(
                    body(s -> get(COMPUTE, "/servers"), array("servers", true), 200),
                    body(s -> get(COMPUTE, "/servers/detail"), array("servers", true), 200),
                    status(s -> get(COMPUTE, "/servers?limit=-1"), 400))),
            Map.entry("identity-v3-api-discovery", List.of(
                    body(s -> get(IDENTITY, ""), CapabilityChecks::identityVersion, 200))),
            Map.entry("identity-v3-catalog", List.of(
                    body(s -> get(IDENTITY, "/auth/catalog"), CapabilityChecks::standardCatalog, 200))),
            Map.entry("identity-v3-tokens-validate", List.of(
                    body(s -> new ApiCall(IDENTITY, "GET", "/auth/tokens", null, false, true), object("token"), 200))),
            Map.entry("images-v2-index", List.of(
                    body(s -> get(IMAGE, "/v2/images"), array("images", true), 200))),
            Map.entry("images-v2-list", List.of(
                    body(s -> get(IMAGE, "/v2/images?status=active&limit=2"), array("images", true), 200))),
            Map.entry("images-v2-get", List.of(
                    body(s -> get(IMAGE, "/v2/schemas/image"), object("properties"), 200),
                    status(s -> get(IMAGE, "/v2/images/" + ABSENT), 404))),
            Map.entry("networks-list-api-versions", List.of(
                    body(s -> ApiCall.versions(NETWORK), array("versions", false), 200))),
            Map.entry("volumes-list-api-versions", List.of(
                    body(s -> ApiCall.versions(VOLUME), array("versions", false), 200, 300))),
            Map.entry("volumes-v3-get", List.of(
                    status(s -> get(VOLUME, "/volumes/" + ABSENT), 404))),
            Map.entry("volumes-v3-list", List.of(
                    body(s -> get(VOLUME, "/volumes"), array("volumes", true), 200),
                    body(s -> get(VOLUME, "/volumes/detail"), array("volumes", true), 200),
                    body(s -> get(VOLUME, "/volumes/detail?status=no-such-status"), b -> b.path("volumes").isArray()
                            && b.path("volumes").isEmpty() ? null : "an unknown status filter must give an empty list", 200))),
            Map.entry("volumes-v3-availability-zones", List.of(
                    body(s -> get(VOLUME, "/os-availability-zone"), array("availabilityZoneInfo", false), 200))),
            Map.entry("volumes-v3-extensions", List.of(
                    body(s -> get(VOLUME, "/extensions"), array("extensions", true), 200))),
            Map.entry("volumes-v3-update", List.of(
                    status(s -> new ApiCall(VOLUME, "PUT", "/volumes/" + ABSENT,
                            "{\"volume\":{\"name\":\"stackratings-check\"}}", false, false), 404))));

    private CapabilityChecks() {
    }

    static Optional<List<Expectation>> find(String capability) {
        return Optional.ofNullable(CHECKS.get(capability));
    }

    static int count() {
        return CHECKS.size();
    }

    private static ApiCall get(CloudService service, String path) {
        return ApiCall.get(service, path);
    }

    private static String identityVersion(com.fasterxml.jackson.databind.JsonNode body) {
        com.fasterxml.jackson.databind.JsonNode version = body.path("version");
        if (!version.path("id").asText("").startsWith("v3")) {
            return "version.id is not v3.x";
        }
        String status = version.path("status").asText("");
        return List.of("current", "stable", "experimental", "supported", "deprecated").contains(status.toLowerCase(java.util.Locale.ROOT))
                ? null : "version.status '" + status + "' is not a documented status";
    }

    private static String standardCatalog(com.fasterxml.jackson.databind.JsonNode body) {
        com.fasterxml.jackson.databind.JsonNode catalog = body.path("catalog");
        if (!catalog.isArray()) {
            return "the answer has no 'catalog' list";
        }
        List<String> types = new java.util.ArrayList<>();
        catalog.forEach(service -> types.add(service.path("type").asText()));
        List<String> missing = List.of("identity", "compute", "image").stream().filter(t -> !types.contains(t)).toList();
        return missing.isEmpty() ? null : "the catalog lacks the standard service types " + missing;
    }

}

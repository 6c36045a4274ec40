package org.stackratings.compliance.conformance.checks.volume;

import static org.stackratings.compliance.conformance.checks.volume.Volumes.encoded;
import static org.stackratings.compliance.conformance.checks.volume.Volumes.showVolume;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;
import org.stackratings.compliance.conformance.Fixture;
import org.stackratings.compliance.conformance.RunMarker;
import org.stackratings.compliance.conformance.checks.Absent;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;

/**
 * Cinder's read-only capabilities (docs/compliance.md): the versions document, availability zones, extensions, and
 * the run's shared volume ({@link Fixture#volume()}) shown and listed with its filters; an absent volume not found.
 */
@ApplicationScoped
class VolumeReadChecks implements CheckGroup {

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.of(
                "volumes-list-api-versions", this::versions,
                "volumes-v3-get", this::show,
                "volumes-v3-list", this::list,
                "volumes-v3-availability-zones", this::availabilityZones,
                "volumes-v3-extensions", this::extensions);
    }

    /** Cinder's versions document (200 or 300): each version with id, status and links, a v3 among them. */
    private void versions(CheckContext c) {
        JsonNode versions = c.expectJson(ApiCall.versions(CloudService.VOLUME), "the API versions are listed",
                200, 300).path("versions");
        c.require(versions.isArray() && !versions.isEmpty(), "the answer has no list of versions");
        boolean complete = true;
        boolean v3 = false;
        for (JsonNode version : versions) {
            complete &= version.hasNonNull("id") && version.hasNonNull("status") && version.path("links").isArray();
            v3 |= version.path("id").asText().startsWith("v3");
        }
        c.require(complete, "a version lacks its id, status or links");
        c.require(v3, "no version is v3");
    }

    /** The shared volume shown with its fields; an absent volume, and an id of no volume's form, not found. */
    private void show(CheckContext c) {
        String volume = c.fixture().volume();
        JsonNode shown = c.expectJson(showVolume(volume), "the volume is shown", 200).path("volume");
        c.require(volume.equals(shown.path("id").asText()) && shown.path("size").asInt() == 1,
                "the volume shown does not have its id and its size of 1 GiB");
        c.require(!shown.path("status").asText("").isEmpty() && !shown.path("availability_zone").asText("").isEmpty()
                && !shown.path("created_at").asText("").isEmpty(),
                "the volume shown lacks its status, availability zone or creation time");
        c.require(c.marker().runId().toString().equals(shown.path("metadata").path(RunMarker.KEY).asText()),
                "the volume shown lacks the metadata it was created with");
        c.expect(showVolume(Absent.ID), "a volume that does not exist is not found", 404);
        c.expect(showVolume(Absent.INVALID), "an id of no volume's form is not found", 404);
    }

    /**
     * The volumes listed, with details, by name, by status, by the run's metadata, one at a time; an unknown status
     * and an absent name list nothing.
     */
    private void list(CheckContext c) {
        String volume = c.fixture().volume();
        String name = c.marker().name("volume");
        c.require(listed(c, "/volumes", "the volumes are listed", volume),
                "the volume list lacks the shared volume");
        c.require(listed(c, "/volumes/detail", "the volumes are listed with details", volume),
                "the detailed volume list lacks the shared volume");
        JsonNode byName = volumes(c, "/volumes/detail?name=" + encoded(name), "the volumes are listed by name");
        c.require(byName.size() == 1 && volume.equals(byName.path(0).path("id").asText()),
                "the volume list filtered by the volume's name does not show exactly the volume");
        c.require(listed(c, "/volumes/detail?status=available", "the volumes are listed by status", volume),
                "the volume list filtered by status available lacks the shared volume");
        c.require(listed(c, "/volumes/detail?metadata=" + encoded("{\"" + RunMarker.KEY + "\":\"" + c.marker().runId()
                + "\"}"), "the volumes are listed by metadata", volume),
                "the volume list filtered by the run's metadata lacks the shared volume");
        c.require(volumes(c, "/volumes?limit=1", "the volumes are listed one at a time").size() == 1,
                "the volume list with limit=1 does not show one volume");
        c.require(volumes(c, "/volumes/detail?status=no-such-status", "an unknown status lists nothing").isEmpty(),
                "the volume list filtered by an unknown status is not empty");
        c.require(volumes(c, "/volumes?name=" + encoded(c.marker().name("no-such-volume")),
                "an absent name lists nothing").isEmpty(), "the volume list filtered by an absent name is not empty");
    }

    private static boolean listed(CheckContext c, String path, String expected, String volume) {
        for (JsonNode v : volumes(c, path, expected)) {
            if (volume.equals(v.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode volumes(CheckContext c, String path, String expected) {
        JsonNode volumes = c.expectJson(ApiCall.get(CloudService.VOLUME, path), expected, 200).path("volumes");
        c.require(volumes.isArray(), "the answer has no 'volumes' list");
        return volumes;
    }

    /** Cinder's availability zones: at least one, each with a name and a state, one of them available. */
    private void availabilityZones(CheckContext c) {
        JsonNode zones = c.expectJson(ApiCall.get(CloudService.VOLUME, "/os-availability-zone"),
                "the availability zones are listed", 200).path("availabilityZoneInfo");
        c.require(zones.isArray() && !zones.isEmpty(), "the answer lists no availability zone");
        boolean available = false;
        for (JsonNode zone : zones) {
            c.require(!zone.path("zoneName").asText("").isEmpty(), "an availability zone has no name");
            available |= zone.path("zoneState").path("available").asBoolean(false);
        }
        c.require(available, "no availability zone is available");
    }

    /** Cinder's extensions: a list, each with an alias and a name. */
    private void extensions(CheckContext c) {
        JsonNode extensions = c.expectJson(ApiCall.get(CloudService.VOLUME, "/extensions"),
                "the extensions are listed", 200).path("extensions");
        c.require(extensions.isArray(), "the answer has no 'extensions' list");
        for (JsonNode extension : extensions) {
            c.require(!extension.path("alias").asText("").isEmpty() && !extension.path("name").asText("").isEmpty(),
                    "an extension lacks its alias or name");
        }
    }
}

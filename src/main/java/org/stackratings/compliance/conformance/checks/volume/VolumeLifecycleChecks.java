package org.stackratings.compliance.conformance.checks.volume;

import static org.stackratings.compliance.conformance.checks.volume.Volumes.action;
import static org.stackratings.compliance.conformance.checks.volume.Volumes.deleteVolume;
import static org.stackratings.compliance.conformance.checks.volume.Volumes.showVolume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;
import org.stackratings.compliance.conformance.Fixture;
import org.stackratings.compliance.conformance.RunMarker;
import org.stackratings.compliance.conformance.checks.Absent;
import org.stackratings.compliance.conformance.checks.Undo;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;

/**
 * Cinder's volume lifecycle (docs/compliance.md): a volume of its own created and deleted (and the creates Cinder
 * refuses), and on the run's shared volume ({@link Fixture#volume()}) an update, its metadata and its read-only flag,
 * each put back when the check ends, also when it fails ({@link Undo}).
 */
@ApplicationScoped
class VolumeLifecycleChecks implements CheckGroup {

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.of(
                "volumes-v3-create-delete", this::createDelete,
                "volumes-v3-update", this::update,
                "volumes-v3-metadata", this::metadata,
                "volumes-v3-readonly", this::readOnly);
    }

    /**
     * A volume of its own: created (available), shown, deleted (gone); the creates Cinder refuses (size "abc", 0, -1
     * or none: 400; an absent source volume or volume type: 404) and the delete of an absent volume (404).
     */
    private void createDelete(CheckContext c) {
        String volume = c.fixture().createVolume("create-delete", 1, ",\"description\":\"stackratings conformance\"");
        JsonNode shown = c.expectJson(showVolume(volume), "the volume is shown", 200).path("volume");
        c.require(c.marker().name("create-delete").equals(shown.path("name").asText())
                && c.marker().runId().toString().equals(shown.path("metadata").path(RunMarker.KEY).asText()),
                "the volume does not have the name and metadata it was created with");
        refuseCreate(c, "\"size\":\"abc\"", "a size that is no number is refused", 400);
        refuseCreate(c, "\"size\":0", "a size of 0 is refused", 400);
        refuseCreate(c, "\"size\":-1", "a negative size is refused", 400);
        refuseCreate(c, "\"description\":\"no size\"", "a volume without size or source is refused", 400);
        refuseCreate(c, "\"size\":1,\"source_volid\":\"" + Absent.ID + "\"", "a source volume that does not exist is"
                + " not found", 404);
        refuseCreate(c, "\"size\":1,\"volume_type\":\"" + Absent.ID + "\"", "a volume type that does not exist is not"
                + " found", 404);
        deleteVolume(c, volume);
        c.expect(ApiCall.of(CloudService.VOLUME, "DELETE", "/volumes/" + Absent.ID, null),
                "deleting a volume that does not exist is not found", 404);
    }

    /** A create Cinder refuses, sent with the run's marks (should it be accepted, the reaper finds the volume). */
    private static void refuseCreate(CheckContext c, String members, String expected, int status) {
        c.expect(ApiCall.of(CloudService.VOLUME, "POST", "/volumes", "{\"volume\":{" + members + ",\"name\":"
                + CheckContext.quote(c.marker().name("refused")) + ",\"metadata\":{\"" + RunMarker.KEY + "\":\""
                + c.marker().runId() + "\"}}}"), expected, status);
    }

    /**
     * The shared volume renamed and described (the answer and a show say so), then its name and description put
     * back; an update of an absent volume, and of an id of no volume's form, not found.
     */
    private void update(CheckContext c) {
        String volume = c.fixture().volume();
        JsonNode before = c.expectJson(showVolume(volume), "the volume is shown", 200).path("volume");
        ObjectNode back = object();
        back.putObject("volume").put("name", before.path("name").asText()).set("description",
                before.path("description").isTextual() ? before.path("description") : JsonNodeFactory.instance.nullNode());
        String renamed = c.marker().name("volume-renamed");
        ObjectNode change = object();
        change.putObject("volume").put("name", renamed).put("description", "renamed by a conformance run");
        Undo.onFailure(() -> {
            JsonNode updated = c.expectJson(ApiCall.of(CloudService.VOLUME, "PUT", "/volumes/" + volume,
                    change.toString()), "the volume is updated", 200).path("volume");
            c.require(renamed.equals(updated.path("name").asText()), "the volume update does not answer the new name");
            JsonNode shown = c.expectJson(showVolume(volume), "the volume is shown", 200).path("volume");
            c.require(renamed.equals(shown.path("name").asText())
                    && "renamed by a conformance run".equals(shown.path("description").asText()),
                    "the volume shown does not have the new name and description");
            c.expect(ApiCall.of(CloudService.VOLUME, "PUT", "/volumes/" + volume, back.toString()),
                    "the volume's name and description are put back", 200);
        }, () -> c.expect(ApiCall.of(CloudService.VOLUME, "PUT", "/volumes/" + volume, back.toString()),
                "the volume's name and description are put back", 200));
        c.expect(ApiCall.of(CloudService.VOLUME, "PUT", "/volumes/" + Absent.ID, change.toString()),
                "an update of a volume that does not exist is not found", 404);
        c.expect(ApiCall.of(CloudService.VOLUME, "PUT", "/volumes/" + Absent.INVALID, change.toString()),
                "an update of an id of no volume's form is not found", 404);
    }

    /**
     * The shared volume's metadata: merged (POST), listed, replaced (PUT, the run's mark kept), an item shown, set and
     * deleted; in the end it holds the run's mark only, as before.
     */
    private void metadata(CheckContext c) {
        String volume = c.fixture().volume();
        String path = "/volumes/" + volume + "/metadata";
        String marker = "\"" + RunMarker.KEY + "\":\"" + c.marker().runId() + "\"";
        Undo.onFailure(() -> {
            JsonNode merged = c.expectJson(ApiCall.of(CloudService.VOLUME, "POST", path,
                    "{\"metadata\":{\"key1\":\"value1\",\"key2\":\"value2\"}}"), "metadata is merged", 200)
                    .path("metadata");
            c.require("value1".equals(merged.path("key1").asText()) && merged.has(RunMarker.KEY),
                    "the merged metadata lacks the new key or the run's mark");
            JsonNode listed = c.expectJson(ApiCall.get(CloudService.VOLUME, path), "the metadata is listed", 200)
                    .path("metadata");
            c.require("value2".equals(listed.path("key2").asText()), "the metadata listed lacks a key merged");
            JsonNode replaced = c.expectJson(ApiCall.of(CloudService.VOLUME, "PUT", path, "{\"metadata\":{" + marker
                    + ",\"key3\":\"value3\"}}"), "the metadata is replaced", 200).path("metadata");
            c.require(!replaced.has("key1") && "value3".equals(replaced.path("key3").asText()),
                    "the replaced metadata still holds a key it replaced, or lacks the new one");
            c.expect(ApiCall.of(CloudService.VOLUME, "PUT", path + "/key3", "{\"meta\":{\"key3\":\"value4\"}}"),
                    "a metadata item is set", 200);
            c.require("value4".equals(c.expectJson(ApiCall.get(CloudService.VOLUME, path + "/key3"),
                    "a metadata item is shown", 200).path("meta").path("key3").asText()),
                    "the metadata item shown does not have the value set");
            c.expect(ApiCall.of(CloudService.VOLUME, "DELETE", path + "/key3", null), "a metadata item is deleted", 200);
            JsonNode left = c.expectJson(ApiCall.get(CloudService.VOLUME, path), "the metadata is listed", 200)
                    .path("metadata");
            c.require(!left.has("key3") && left.has(RunMarker.KEY),
                    "the metadata still holds the deleted key, or lost the run's mark");
        }, () -> c.expect(ApiCall.of(CloudService.VOLUME, "PUT", path, "{\"metadata\":{" + marker + "}}"),
                "the metadata is put back to the run's mark", 200));
    }

    /** The shared volume made read-only (its metadata says readonly "True"), then not ("False"). */
    private void readOnly(CheckContext c) {
        String volume = c.fixture().volume();
        Undo.onFailure(() -> {
            for (boolean readOnly : new boolean[] {true, false}) {
                c.expect(action(volume, "{\"os-update_readonly_flag\":{\"readonly\":" + readOnly + "}}"),
                        "the read-only flag is set " + readOnly, 202);
                String shown = c.expectJson(showVolume(volume), "the volume is shown", 200).path("volume")
                        .path("metadata").path("readonly").asText("");
                c.require(String.valueOf(readOnly).equalsIgnoreCase(shown),
                        "the volume's metadata does not show readonly \"" + (readOnly ? "True" : "False") + "\"");
            }
        }, () -> c.expect(action(volume, "{\"os-update_readonly_flag\":{\"readonly\":false}}"),
                "the read-only flag is put back to false", 202));
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}

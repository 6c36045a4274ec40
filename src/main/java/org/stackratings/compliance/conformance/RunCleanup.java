package org.stackratings.compliance.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.stackratings.compliance.Evidence;
import org.stackratings.openstack.ApiAnswer;
import org.stackratings.openstack.CloudCallException;
import org.stackratings.openstack.CloudSession;
import org.stackratings.openstack.RunDeadline;

/**
 * Deletes what a run left in its ledger, in dependency order: a server, snapshot or volume is waited for until it
 * is gone before what it depends on is deleted, and a volume is deleted only once it is no longer attached. What
 * cannot be deleted is reported (the reaper deletes it after its TTL, by its marks).
 */
public final class RunCleanup {

    /** What the clean-up did: how many resources it deleted, which it could not, and the calls it made. */
    public record Report(int deleted, List<String> leftOver, List<Evidence> evidence) {
    }

    private RunCleanup() {
    }

    /**
     * Deletes what a past run left ({@code ledger}, as found by its marks) in a session of the caller's own: the
     * reaper's, which has no member choices and polls by sleeping until {@code deadline}.
     */
    public static Report run(CloudSession session, RunMarker marker, ResourceLedger ledger, Duration longestWait,
                             RunDeadline deadline) {
        return run(new CheckContext(session, marker, ledger, new MemberChoices(null, null, null, null), longestWait,
                Pause.SLEEP, deadline), ledger);
    }

    static Report run(CheckContext context, ResourceLedger ledger) {
        addUnlistedServers(context, ledger);
        int deleted = 0;
        List<String> leftOver = new ArrayList<>();
        for (ResourceLedger.Created resource : ledger.inDeletionOrder()) {
            try {
                delete(context, resource);
                ledger.deleted(resource.kind(), resource.id());
                deleted++;
            } catch (CheckFailed | CloudCallException e) {
                leftOver.add(resource.kind() + " " + resource.id() + ": " + e.getMessage());
            }
        }
        return new Report(deleted, List.copyOf(leftOver), context.takeEvidence());
    }

    /**
     * Adds the run's servers and images the ledger does not know (a multiple create whose list was wrong, say): those
     * with both of the run's marks (its name, its id in their metadata: {@link SecondMark#marks}, the reaper's rule),
     * from the project's server list.
     */
    private static void addUnlistedServers(CheckContext context, ResourceLedger ledger) {
        JsonNode servers;
        try {
            servers = context.expectJson(org.stackratings.openstack.ApiCall.get(
                    org.stackratings.openstack.CloudService.COMPUTE, "/servers/detail"), "the project's servers", 200);
        } catch (CheckFailed | CloudCallException e) {
            return; // the ledger's servers are still deleted; the reaper finds the rest by their marks
        }
        for (JsonNode server : servers.path("servers")) {
            if (SecondMark.METADATA.marks(server, context.marker().runId())) {
                ledger.addOnce(ResourceKind.SERVER, server.path("id").asText());
            }
        }
        addUnlistedImages(context, ledger);
    }

    /**
     * Adds the run's images the ledger does not know (a snapshot whose answer was lost, say): those with the run's
     * name and its second mark (the tag, or a snapshot's {@value RunMarker#KEY} property: {@link SecondMark#IMAGE}),
     * from Glance's list.
     */
    private static void addUnlistedImages(CheckContext context, ResourceLedger ledger) {
        if (!context.session().offers(org.stackratings.openstack.CloudService.IMAGE)) {
            return;
        }
        JsonNode images;
        try {
            images = context.expectJson(org.stackratings.openstack.ApiCall.get(
                    org.stackratings.openstack.CloudService.IMAGE, "/v2/images?limit=1000"),
                    "the run's images", 200);
        } catch (CheckFailed | CloudCallException e) {
            return; // the ledger's images are still deleted; the reaper finds the rest by their marks
        }
        for (JsonNode image : images.path("images")) {
            if (SecondMark.IMAGE.marks(image, context.marker().runId())) {
                ledger.addOnce(ResourceKind.IMAGE, image.path("id").asText());
            }
        }
    }

    private static void delete(CheckContext context, ResourceLedger.Created resource) {
        ResourceKind kind = resource.kind();
        if (kind.deletedAsynchronously() && context.expect(kind.show(resource.id()), "the " + name(kind)
                + " is still there or already gone", 200, 404).status() == 404) {
            return;
        }
        if (kind == ResourceKind.VOLUME) {
            JsonNode volume = context.await(kind.show(resource.id()), "the volume is no longer attached",
                    b -> !b.path("volume").path("status").asText().matches("in-use|attaching|detaching|reserved"
                            + "|creating|downloading|uploading|maintenance"), b -> false);
            context.require(volume.path("volume").isObject(), "the volume has no document");
        }
        ApiAnswer answer = context.expect(kind.delete(resource.id()), "the " + name(kind) + " is deleted",
                200, 202, 204, 404);
        if (kind.deletedAsynchronously() && answer.status() != 404) {
            context.awaitGone(kind.show(resource.id()), "the " + name(kind) + " is gone");
        }
    }

    private static String name(ResourceKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}

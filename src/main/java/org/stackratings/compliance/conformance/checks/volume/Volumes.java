package org.stackratings.compliance.conformance.checks.volume;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.ResourceKind;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;

/** The Cinder calls and readings the volume check groups share. */
final class Volumes {

    private Volumes() {
    }

    /** Deletes a volume the check made: 202, then gone, then out of the ledger. */
    static void deleteVolume(CheckContext c, String volume) {
        c.expect(ApiCall.of(CloudService.VOLUME, "DELETE", "/volumes/" + volume, null), "the volume is deleted", 202);
        c.awaitGone(showVolume(volume), "the volume is gone");
        c.ledger().deleted(ResourceKind.VOLUME, volume);
    }

    static ApiCall showVolume(String volume) {
        return ApiCall.get(CloudService.VOLUME, "/volumes/" + volume);
    }

    static ApiCall action(String volume, String body) {
        return ApiCall.of(CloudService.VOLUME, "POST", "/volumes/" + volume + "/action", body);
    }

    static String status(JsonNode volumeDocument) {
        return volumeDocument.path("volume").path("status").asText();
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

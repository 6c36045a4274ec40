package org.stackratings.sandbox.api.network;

import io.vertx.core.json.JsonObject;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.network.NetworkStore;
import org.stackratings.sandbox.state.network.NeutronKind;

/** One request to Neutron as the resource handlers see it: the store, the caller's project and the time. */
public record NeutronRequest(ApiRequest http, NetworkStore store, String projectId) {

    public static NeutronRequest of(ApiRequest req) {
        return new NeutronRequest(req, req.cloud().networks(), req.profile().project().id());
    }

    /** Now as Neutron writes timestamps ({@code 2026-01-01T00:00:00Z}). */
    public String now() {
        return http.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Whether the caller may see a document: its own, or an external or shared network. */
    public boolean visible(NeutronKind kind, JsonObject doc) {
        if (projectId.equals(doc.getString("project_id"))) {
            return true;
        }
        return kind == NeutronKind.NETWORK && (doc.getBoolean("router:external", false)
                || doc.getBoolean("shared", false));
    }

    /** A document the caller may see, or Neutron's not-found. */
    public JsonObject find(NeutronKind kind, String id) {
        return store.find(kind, id).filter(d -> visible(kind, d)).orElseThrow(() -> NeutronError.notFound(kind, id));
    }

    /** Marks a document changed: a new revision and update time. */
    public JsonObject touched(JsonObject doc) {
        return doc.put("revision_number", doc.getInteger("revision_number", 0) + 1).put("updated_at", now());
    }
}

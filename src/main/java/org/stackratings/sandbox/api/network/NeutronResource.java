package org.stackratings.sandbox.api.network;

import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.network.NeutronKind;

/** One kind of Neutron resource: how it is created, changed, deleted and shown, behind {@link ResourceRoutes}. */
public interface NeutronResource {

    NeutronKind kind();

    /** Validates a create body and stores the new resource; returns its stored document. */
    JsonObject create(NeutronRequest req, Attributes body);

    /** Validates an update body and changes the stored document. */
    JsonObject update(NeutronRequest req, JsonObject doc, Attributes body);

    /** Checks that the resource may go and removes it with what depends on it. */
    void delete(NeutronRequest req, JsonObject doc);

    /** The document as the API shows it (a copy: computed attributes added). */
    default JsonObject render(NeutronRequest req, JsonObject doc) {
        return doc.copy();
    }

    /** Routes of the kind beyond its collection (actions such as {@code add_router_interface}). */
    default void registerExtra(ServiceRoutes routes) {
    }
}

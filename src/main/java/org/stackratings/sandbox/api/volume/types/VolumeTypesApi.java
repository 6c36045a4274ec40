package org.stackratings.sandbox.api.volume.types;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.api.volume.CinderScope;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.volume.VolumeTypes;

/**
 * Cinder's volume types as a member sees them: list, show (by id; {@code default} is the default type) and the
 * extra specs (none). Creating, changing or deleting a type needs an admin: 403.
 */
public final class VolumeTypesApi {

    public void register(ServiceRoutes routes) {
        String types = "/v3/:project_id/types";
        routes.get(types, this::list);
        routes.get(types + "/:type_id", this::show);
        routes.get(types + "/:type_id/extra_specs", this::extraSpecs);
        routes.route(HttpMethod.POST, types, true, VolumeTypesApi::adminOnly);
        routes.route(HttpMethod.PUT, types + "/:type_id", true, VolumeTypesApi::adminOnly);
        routes.route(HttpMethod.DELETE, types + "/:type_id", true, VolumeTypesApi::adminOnly);
    }

    private static void adminOnly(ApiRequest req) {
        if (!CinderScope.wrongProject(req, "volume_extension:types_manage")) {
            req.fail(403, "Policy doesn't allow volume_extension:types_manage to be performed.");
        }
    }

    private static JsonObject json(VolumeTypes.VolumeType t) {
        return new JsonObject().put("id", t.id()).put("name", t.name()).put("description", t.description())
                .put("is_public", t.isPublic()).put("os-volume-type-access:is_public", t.isPublic())
                .put("extra_specs", new JsonObject()).putNull("qos_specs_id");
    }

    private void list(ApiRequest req) {
        if (CinderScope.wrongProject(req, "volume_extension:type_get_all")) {
            return;
        }
        JsonArray list = new JsonArray();
        new VolumeTypes(req.cloud().name()).list().forEach(t -> list.add(json(t)));
        req.ok(new JsonObject().put("volume_types", list));
    }

    private void show(ApiRequest req) {
        if (CinderScope.wrongProject(req, "volume_extension:type_get")) {
            return;
        }
        VolumeTypes types = new VolumeTypes(req.cloud().name());
        String id = req.param("type_id");
        (id.equals("default") ? java.util.Optional.of(types.defaultType())
                : types.list().stream().filter(t -> t.id().equals(id)).findFirst())
                .ifPresentOrElse(t -> req.ok(new JsonObject().put("volume_type", json(t))),
                        () -> req.fail(404, "Volume type " + id + " could not be found."));
    }

    private void extraSpecs(ApiRequest req) {
        if (CinderScope.wrongProject(req, "volume_extension:types_extra_specs:index")) {
            return;
        }
        String id = req.param("type_id");
        if (new VolumeTypes(req.cloud().name()).list().stream().noneMatch(t -> t.id().equals(id))) {
            req.fail(404, "Volume type " + id + " could not be found.");
            return;
        }
        req.ok(new JsonObject().put("extra_specs", new JsonObject()));
    }
}

package org.stackratings.sandbox.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.CloudProfiles;
import org.stackratings.sandbox.profile.HostileProfile;
import org.stackratings.sandbox.state.CloudRegistry;
import org.stackratings.sandbox.state.SimulatedCloud;

/**
 * The sandbox's own API under {@code /_sandbox}: health, list/show/put/delete clouds, per-cloud request counts, and
 * the hostile mode of a cloud (show, set, stop). Not subject to fault injection.
 */
public final class SandboxControlApi {

    private final CloudRegistry registry;

    public SandboxControlApi(CloudRegistry registry) {
        this.registry = registry;
    }

    public void register(Router router) {
        router.get("/_sandbox/health").handler(this::health);
        router.get("/_sandbox/clouds").handler(this::list);
        router.get("/_sandbox/clouds/:name").handler(this::show);
        router.put("/_sandbox/clouds/:name").handler(this::put);
        router.delete("/_sandbox/clouds/:name").handler(this::delete);
        router.get("/_sandbox/clouds/:name/stats").handler(this::stats);
        router.get("/_sandbox/clouds/:name/hostile").handler(this::showHostile);
        router.put("/_sandbox/clouds/:name/hostile").handler(this::putHostile);
        router.delete("/_sandbox/clouds/:name/hostile").handler(this::deleteHostile);
    }

    private static String base(RoutingContext ctx) {
        return "http://" + ctx.request().host();
    }

    private static String authUrl(RoutingContext ctx, String cloud) {
        return base(ctx) + "/" + cloud + "/identity/v3";
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encodePrettily());
    }

    private static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, OpenStackService.keystoneError(status, message));
    }

    private void health(RoutingContext ctx) {
        json(ctx, 200, new JsonObject().put("status", "UP").put("clouds", registry.names().size()));
    }

    private void list(RoutingContext ctx) {
        JsonArray clouds = new JsonArray();
        for (String name : registry.names()) {
            registry.get(name).ifPresent(c -> clouds.add(new JsonObject()
                    .put("name", name)
                    .put("description", c.profile().description())
                    .put("authUrl", authUrl(ctx, name))
                    .put("services", new JsonArray(c.profile().services()))
                    .put("hostile", c.profile().hostile() == null ? null : c.profile().hostile().mode().id())));
        }
        json(ctx, 200, new JsonObject().put("clouds", clouds));
    }

    private void withCloud(RoutingContext ctx, Function<SimulatedCloud, JsonObject> body) {
        String name = ctx.pathParam("name");
        registry.get(name).ifPresentOrElse(
                c -> json(ctx, 200, body.apply(c)),
                () -> error(ctx, 404, "No cloud named '" + name + "'."));
    }

    private static JsonObject describe(RoutingContext ctx, SimulatedCloud cloud) {
        return new JsonObject()
                .put("name", cloud.name())
                .put("authUrl", authUrl(ctx, cloud.name()))
                .put("tokens", cloud.tokens().size())
                .put("servers", cloud.serverStore().count())
                .put("hostile", CloudProfiles.hostileJson(cloud.profile().hostile()))
                .put("profile", CloudProfiles.toJson(cloud.profile()));
    }

    private static JsonObject hostile(SimulatedCloud cloud) {
        return new JsonObject().put("cloud", cloud.name())
                .put("hostile", CloudProfiles.hostileJson(cloud.profile().hostile()));
    }

    private void show(RoutingContext ctx) {
        withCloud(ctx, c -> describe(ctx, c));
    }

    private void stats(RoutingContext ctx) {
        withCloud(ctx, c -> {
            JsonObject stats = c.stats().toJson().put("cloud", c.name());
            stats.getJsonObject("hostile").mergeIn(c.hostileStreams().toJson());
            return stats;
        });
    }

    private void showHostile(RoutingContext ctx) {
        withCloud(ctx, SandboxControlApi::hostile);
    }

    private void putHostile(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        if (registry.get(name).isEmpty()) {
            error(ctx, 404, "No cloud named '" + name + "'.");
            return;
        }
        String body = ctx.body().asString();
        if (body == null || body.isBlank()) {
            error(ctx, 400, "The body must be a hostile section (YAML or JSON), such as {\"mode\": \"endless-body\"}.");
            return;
        }
        HostileProfile hostile;
        try {
            hostile = CloudProfiles.parseHostile(body, name);
        } catch (IllegalArgumentException e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        registry.setHostile(name, hostile).ifPresentOrElse(c -> json(ctx, 200, hostile(c)),
                () -> error(ctx, 404, "No cloud named '" + name + "'."));
    }

    private void deleteHostile(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        registry.setHostile(name, null).ifPresentOrElse(c -> ctx.response().setStatusCode(204).end(),
                () -> error(ctx, 404, "No cloud named '" + name + "'."));
    }

    private void put(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        String body = ctx.body().asString();
        if (body == null || body.isBlank()) {
            error(ctx, 400, "The body must be one cloud profile (YAML or JSON).");
            return;
        }
        CloudProfile profile;
        try {
            profile = CloudProfiles.parseOne(body, name);
        } catch (IllegalArgumentException e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        if (!profile.name().equals(name)) {
            error(ctx, 400, "The profile is named '" + profile.name() + "' but the URL names '" + name + "'.");
            return;
        }
        boolean created = registry.put(profile);
        SimulatedCloud cloud = registry.get(name).orElseThrow();
        json(ctx, created ? 201 : 200, describe(ctx, cloud));
    }

    private void delete(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        if (registry.remove(name)) {
            ctx.response().setStatusCode(204).end();
        } else {
            error(ctx, 404, "No cloud named '" + name + "'.");
        }
    }
}

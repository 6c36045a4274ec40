package org.stackratings.sandbox.routing;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.stackratings.sandbox.hostile.HostileAnswers;
import org.stackratings.sandbox.state.CloudRegistry;
import org.stackratings.sandbox.state.SimulatedCloud;
import org.stackratings.sandbox.state.image.ImageLimits;

/**
 * The routes of one sandbox: the control API under {@code /_sandbox}, then, for {@code /{cloud}/<service>/...}, the
 * cloud (404 when unknown), the service (404 when the profile does not offer it), the cloud's hostile answers (which
 * take the requests their mode covers), else the fault injection, then the service's API; anything else is 404. Every
 * answer of a cloud path carries a request id ({@link RequestIds}).
 */
public final class SandboxRouter {

    private static final Pattern CLOUD_PATH = Pattern.compile("/([a-z0-9][a-z0-9-]{1,62})(/.*)?");
    private static final String SERVICE_KEY = "sandbox.service";
    private static final int BODY_LIMIT = 1024 * 1024;
    /** Glance's image data: as much as one cloud's {@code image_size_total} limit lets it store. */
    private static final long IMAGE_DATA_LIMIT = ImageLimits.DEFAULT.imageSizeTotalBytes();
    private static final String IMAGE_DATA_PATH = "/[^/]+/image/v2/images/[^/]+/file";

    private SandboxRouter() {
    }

    /** A router for the clouds of {@code registry}; {@code urlHost} is used in links when a request has no Host. */
    public static Router create(Vertx vertx, CloudRegistry registry, Clock clock, String urlHost,
            List<ServiceApi> apis) {
        Router router = Router.router(vertx);
        router.route().pathRegex(IMAGE_DATA_PATH).handler(BodyHandler.create().setBodyLimit(IMAGE_DATA_LIMIT));
        router.route().handler(BodyHandler.create().setBodyLimit(BODY_LIMIT));
        router.errorHandler(413, SandboxRouter::bodyTooLarge);
        new SandboxControlApi(registry).register(router);
        router.route().pathRegex(CLOUD_PATH.pattern()).handler(ctx -> resolveCloud(ctx, registry));
        FaultInjector faults = new FaultInjector(vertx, clock);
        HostileAnswers hostile = new HostileAnswers();
        for (OpenStackService service : OpenStackService.values()) {
            router.route().pathRegex("/[^/]+/" + service.key() + "(?:/.*)?").handler(ctx -> {
                SimulatedCloud cloud = ctx.get(ApiRequest.CLOUD_KEY);
                if (!cloud.profile().offers(service.key())) {
                    notFound(ctx);
                    return;
                }
                ctx.put(SERVICE_KEY, service);
                if (service == OpenStackService.COMPUTE) {
                    RequestIds.stampCompute(ctx.response());
                }
                if (!hostile.handle(ctx, cloud, service.key())) {
                    faults.handle(ctx, cloud, service);
                }
            });
        }
        String fallbackBase = "http://" + urlHost;
        for (ServiceApi api : apis) {
            api.register(new ServiceRoutes(router, api.service(), clock, fallbackBase));
        }
        router.route().last().handler(SandboxRouter::notFound);
        return router;
    }

    private static void resolveCloud(RoutingContext ctx, CloudRegistry registry) {
        var matcher = CLOUD_PATH.matcher(ctx.normalizedPath());
        String name = matcher.matches() ? matcher.group(1) : "";
        RequestIds.stamp(ctx.response());
        registry.get(name).ifPresentOrElse(cloud -> {
            ctx.put(ApiRequest.CLOUD_KEY, cloud);
            ctx.next();
        }, () -> ctx.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                .end(OpenStackService.keystoneError(404, "No cloud named '" + name + "' in this sandbox.").encode()));
    }

    /** A body past the limit, in the error shape of the service the path names (the body is read before routing). */
    private static void bodyTooLarge(RoutingContext ctx) {
        String[] segments = ctx.normalizedPath().split("/", 4);
        String key = segments.length > 2 ? segments[2] : "";
        String message = "Request body is larger than the sandbox accepts.";
        if (ctx.response().headers().get(RequestIds.HEADER) == null) {
            RequestIds.stamp(ctx.response());
        }
        var body = Arrays.stream(OpenStackService.values()).filter(s -> s.key().equals(key)).findFirst()
                .map(service -> service.errorBody(413, message))
                .orElseGet(() -> OpenStackService.keystoneError(413, message));
        ApiRequest.send(ctx, 413, body);
    }

    private static void notFound(RoutingContext ctx) {
        OpenStackService service = ctx.get(SERVICE_KEY);
        var body = service == null
                ? OpenStackService.keystoneError(404, "The resource could not be found.")
                : service.errorBody(404, "The resource could not be found.");
        ApiRequest.send(ctx, 404, body);
    }
}

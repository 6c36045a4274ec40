package org.stackratings.sandbox.routing;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.stackratings.sandbox.profile.Deviation;
import org.stackratings.sandbox.state.SimulatedCloud;

/**
 * Mounts one service's routes under {@code /:cloud/<service>}, with the Keystone token check that keystonemiddleware
 * does in front of a real service, then the profile's {@link Deviation}s (an answer instead of the handler's, or a
 * change to one field of it), then the handler.
 *
 * <p>A route behind the token matches its path exactly: Vert.x ignores a trailing slash, but the services' routers
 * (Routes for Nova, Cinder and Glance, Flask for Keystone) read {@code /volumes/} as the path of a volume whose id is
 * empty, which no resource has: 404 in the service's dialect, after the token check. A path the API registers with
 * the slash as well (Neutron's {@code /v2.0} and {@code /v2.0/}) answers both; so do the open version documents.
 */
public final class ServiceRoutes {

    private final Router router;
    private final OpenStackService service;
    private final Clock clock;
    private final String fallbackBase;
    /** The paths also registered with a trailing slash: a request with the slash is theirs too. */
    private final Set<String> slashed = ConcurrentHashMap.newKeySet();

    public ServiceRoutes(Router router, OpenStackService service, Clock clock, String fallbackBase) {
        this.router = router;
        this.service = service;
        this.clock = clock;
        this.fallbackBase = fallbackBase;
    }

    /** A GET (and HEAD) route that needs a valid token. */
    public void get(String path, Handler<ApiRequest> handler) {
        route(HttpMethod.GET, path, true, handler);
    }

    /** A GET (and HEAD) route open to anyone (version discovery). */
    public void getOpen(String path, Handler<ApiRequest> handler) {
        route(HttpMethod.GET, path, false, handler);
    }

    public void route(HttpMethod method, String path, boolean authenticated, Handler<ApiRequest> handler) {
        route(method, path, authenticated, false, handler);
    }

    /**
     * An authenticated route whose handler computes for long (an RSA key pair is generated in 50 to 200 ms of CPU): it
     * runs on a Vert.x worker thread, so that the event loop, one thread for every cloud of the sandbox, keeps
     * answering the other requests meanwhile. The handler may touch only state that is safe across threads.
     */
    public void routeOffLoop(HttpMethod method, String path, Handler<ApiRequest> handler) {
        route(method, path, true, true, handler);
    }

    private void route(HttpMethod method, String path, boolean authenticated, boolean offLoop,
                       Handler<ApiRequest> handler) {
        if (path.endsWith("/")) {
            slashed.add(path.substring(0, path.length() - 1));
        }
        String full = "/:cloud/" + service.key() + path;
        Route route = method == HttpMethod.GET
                ? router.route(full).method(HttpMethod.GET).method(HttpMethod.HEAD)
                : router.route(method, full);
        if (authenticated) {
            route.handler(this::requireToken);
            route.handler(ctx -> exactPath(ctx, path));
        }
        route.handler(this::deviate);
        Handler<RoutingContext> last = ctx -> handler.handle(new ApiRequest(ctx, service, clock.instant(), fallbackBase));
        if (offLoop) {
            route.blockingHandler(last, false);
        } else {
            route.handler(last);
        }
    }

    /** A handler for every request under the service path (microversion headers and the like). */
    public void filter(String pathRegexUnderService, Handler<RoutingContext> handler) {
        router.routeWithRegex("/[^/]+/" + service.key() + pathRegexUnderService).handler(handler);
    }

    /** 404 for a path with a trailing slash Vert.x matched to {@code path} (see the class comment). */
    private void exactPath(RoutingContext ctx, String path) {
        if (ctx.normalizedPath().endsWith("/") && !path.endsWith("/") && !slashed.contains(path)) {
            ApiRequest.send(ctx, 404, service.errorBody(404, "The resource could not be found."));
            return;
        }
        ctx.next();
    }

    /** Answers as the first matching deviation of the profile says, or continues to the handler. */
    private void deviate(RoutingContext ctx) {
        SimulatedCloud cloud = ctx.get(ApiRequest.CLOUD_KEY);
        cloud.deviation(service.key(), ctx.request().method().name(), relativePath(ctx, cloud), ctx.queryParams(),
                        ApiRequest.jsonBody(ctx))
                .ifPresentOrElse(d -> deviate(ctx, d), ctx::next);
    }

    private void deviate(RoutingContext ctx, Deviation deviation) {
        if (deviation.answersInstead()) {
            answer(ctx, deviation);
            return;
        }
        ctx.put(ApiRequest.CHANGE_KEY, deviation.change());
        ctx.put(ApiRequest.CHANGE_STATUS_KEY, deviation.status());
        ctx.next();
    }

    /** The request's path under {@code /{cloud}/<service>}. */
    private String relativePath(RoutingContext ctx, SimulatedCloud cloud) {
        String prefix = "/" + cloud.name() + "/" + service.key();
        String path = ctx.normalizedPath();
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    private void answer(RoutingContext ctx, Deviation deviation) {
        int status = deviation.status();
        if (deviation.body() != null) {
            ApiRequest.send(ctx, status, Buffer.buffer(deviation.body()), contentType(deviation.body()));
        } else if (status == 204 || status == 304) {
            ApiRequest.send(ctx, status, null);
        } else if (status >= 400) {
            String message = status == 404 ? "The resource could not be found."
                    : HttpResponseStatus.valueOf(status).reasonPhrase() + ".";
            ApiRequest.send(ctx, status, service.errorBody(status, message));
        } else {
            ApiRequest.send(ctx, status, new JsonObject());
        }
    }

    private static String contentType(String body) {
        try {
            Json.decodeValue(body);
            return "application/json";
        } catch (DecodeException e) {
            return "text/plain; charset=utf-8";
        }
    }

    private void requireToken(RoutingContext ctx) {
        SimulatedCloud cloud = ctx.get(ApiRequest.CLOUD_KEY);
        var token = cloud.tokens().find(ctx.request().getHeader("X-Auth-Token"), clock.instant());
        if (token.isPresent() && !token.get().permits(service.key(), ctx.request().method().name(),
                relativePath(ctx, cloud))) {
            token = Optional.empty(); // keystonemiddleware: no access rule of the token allows the request
        }
        if (token.isEmpty()) {
            ApiRequest request = new ApiRequest(ctx, service, clock.instant(), fallbackBase);
            request.putHeader("WWW-Authenticate", "Keystone uri=\"" + request.cloudBase() + "/identity\"");
            request.reply(401, OpenStackService.keystoneError(401,
                    "The request you have made requires authentication."));
            return;
        }
        ctx.put(ApiRequest.TOKEN_KEY, token.get());
        ctx.next();
    }
}

package org.stackratings.sandbox.routing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.FieldChange;
import org.stackratings.sandbox.state.CloudInventory;
import org.stackratings.sandbox.state.SimulatedCloud;
import org.stackratings.sandbox.state.TokenStore;

/** One API request to one cloud's service, as the service handlers see it. */
public final class ApiRequest {

    static final String CLOUD_KEY = "sandbox.cloud";
    static final String TOKEN_KEY = "sandbox.token";
    /** {@link System#nanoTime()} before which no answer may leave (the injected latency). */
    static final String RELEASE_AT_KEY = "sandbox.releaseAt";
    /** The {@link FieldChange} of a deviation to make to the JSON answer, with the status to answer (0: keep). */
    static final String CHANGE_KEY = "sandbox.change";
    static final String CHANGE_STATUS_KEY = "sandbox.changeStatus";

    private final RoutingContext ctx;
    private final SimulatedCloud cloud;
    private final OpenStackService service;
    private final Instant now;
    private final String fallbackBase;

    ApiRequest(RoutingContext ctx, OpenStackService service, Instant now, String fallbackBase) {
        this.ctx = ctx;
        this.cloud = ctx.get(CLOUD_KEY);
        this.service = service;
        this.now = now;
        this.fallbackBase = fallbackBase;
    }

    public RoutingContext context() {
        return ctx;
    }

    public SimulatedCloud cloud() {
        return cloud;
    }

    public CloudProfile profile() {
        return cloud.profile();
    }

    public CloudInventory inventory() {
        return cloud.inventory();
    }

    /** The validated token of the request; null on unauthenticated routes. */
    public TokenStore.IssuedToken token() {
        return ctx.get(TOKEN_KEY);
    }

    public Instant now() {
        return now;
    }

    public String param(String name) {
        return ctx.pathParam(name);
    }

    public String query(String name) {
        return ctx.request().getParam(name);
    }

    public String header(String name) {
        return ctx.request().getHeader(name);
    }

    /** The body as a JSON object, or null when there is none or it is not a JSON object. */
    public JsonObject jsonBody() {
        return jsonBody(ctx);
    }

    static JsonObject jsonBody(RoutingContext ctx) {
        if (ctx.body().buffer() == null || ctx.body().buffer().length() == 0) {
            return null;
        }
        try {
            return ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    /** {@code http://host:port/{cloud}} as the client addressed it (Host header). */
    public String cloudBase() {
        String host = ctx.request().host();
        return (host == null ? fallbackBase : "http://" + host) + "/" + cloud.name();
    }

    /** {@code http://host:port/{cloud}} as advertised in the service catalog ({@code catalogHost} if set). */
    public String catalogBase() {
        String catalogHost = cloud.profile().catalogHost();
        return catalogHost == null ? cloudBase() : "http://" + catalogHost + "/" + cloud.name();
    }

    /** The port of the sandbox the request came in on. */
    public int localPort() {
        return ctx.request().localAddress().port();
    }

    /** {@code http://host:port/{cloud}/{service}}. */
    public String serviceBase() {
        return cloudBase() + "/" + service.key();
    }

    public void reply(int status, JsonObject body) {
        send(ctx, status, body);
    }

    /** An answer of raw bytes (image data) with {@code contentType}, once the injected latency has passed. */
    public void reply(int status, Buffer body, String contentType) {
        send(ctx, status, body, contentType);
    }

    /** Sends a JSON answer (none if {@code body} is null) once the injected latency of the request has passed. */
    public static void send(RoutingContext ctx, int status, JsonObject body) {
        send(ctx, status, body == null ? null : body.toBuffer(), "application/json");
    }

    /** Sends an answer with {@code contentType} (no body if null) once the injected latency has passed. */
    static void send(RoutingContext ctx, int status, Buffer body, String contentType) {
        FieldChange change = ctx.get(CHANGE_KEY);
        if (change != null) {
            ctx.remove(CHANGE_KEY);
            Integer changedStatus = ctx.get(CHANGE_STATUS_KEY);
            send(ctx, changedStatus == 0 ? status : changedStatus, changed(body, contentType, change), contentType);
            return;
        }
        HttpServerResponse response = ctx.response();
        response.setStatusCode(status);
        Buffer encoded = body == null || ctx.request().method() == HttpMethod.HEAD ? null : body;
        if (body != null) {
            response.putHeader("Content-Type", contentType);
        }
        Long releaseAt = ctx.get(RELEASE_AT_KEY);
        long waitMs = releaseAt == null ? 0 : Math.round((releaseAt - System.nanoTime()) / 1e6);
        if (waitMs <= 0) {
            write(response, encoded);
        } else {
            ctx.vertx().setTimer(waitMs, id -> write(response, encoded));
        }
    }

    private static Buffer changed(Buffer body, String contentType, FieldChange change) {
        if (body == null || contentType == null || !contentType.startsWith("application/json")) {
            return body;
        }
        Object answer = Json.decodeValue(body);
        change.applyTo(answer);
        return Json.encodeToBuffer(answer);
    }

    private static void write(HttpServerResponse response, Buffer body) {
        if (response.closed()) {
            return;
        }
        if (body == null) {
            response.end();
        } else {
            response.end(body);
        }
    }

    public void ok(JsonObject body) {
        reply(200, body);
    }

    /** An error in the dialect of this service. */
    public void fail(int status, String message) {
        reply(status, service.errorBody(status, message));
    }

    public void putHeader(String name, String value) {
        ctx.response().putHeader(name, value);
    }
}

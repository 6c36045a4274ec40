package org.stackratings.sandbox.hostile;

import io.vertx.core.Context;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.stackratings.sandbox.profile.HostileMode;
import org.stackratings.sandbox.profile.HostileProfile;
import org.stackratings.sandbox.state.HostileStreams;
import org.stackratings.sandbox.state.SimulatedCloud;

/**
 * Answers the requests a hostile cloud's mode covers, before fault injection (so they meet neither latency, errors nor
 * outages, and injected faults do not change them). Wire answers (redirect, not-json, truncated-json, endless-body,
 * trickle-body, silent-keystone) are written here; for huge-headers and the token modes (wrong-types,
 * foreign-endpoints, dns-name) the headers are added here and the request goes on to the service's normal handler,
 * which shapes its answer from the profile. Every such request is counted under its mode in the cloud's stats.
 */
public final class HostileAnswers {

    /**
     * Takes the request when the cloud's hostile mode covers {@code service} (a profile service key): true when it
     * answered or passed the request on to the normal handler itself, false when the request is not hostile.
     */
    public boolean handle(RoutingContext ctx, SimulatedCloud cloud, String service) {
        HostileProfile hostile = cloud.profile().hostile();
        if (hostile == null || !hostile.covers(service)) {
            return false;
        }
        HostileMode mode = hostile.mode();
        HttpServerResponse response = ctx.response();
        switch (mode) {
            case REDIRECT -> {
                count(cloud, service, mode, "302");
                response.setStatusCode(302).putHeader("Location", hostile.redirectTo().toString())
                        .putHeader("Content-Length", "0").end();
            }
            case NOT_JSON -> answer(cloud, service, mode, response, "text/html; charset=utf-8",
                    HostileDocuments.HTML);
            case TRUNCATED_JSON -> answer(cloud, service, mode, response, "application/json",
                    HostileDocuments.truncated(service));
            case ENDLESS_BODY, TRICKLE_BODY -> stream(ctx, cloud, service, hostile);
            case HUGE_HEADERS -> {
                String value = HostileDocuments.hugeHeaderValue();
                for (int i = 0; i < HostileDocuments.HUGE_HEADER_COUNT; i++) {
                    response.putHeader(HostileDocuments.HUGE_HEADER_PREFIX + String.format("%03d", i), value);
                }
                passOn(ctx, cloud, service, mode);
            }
            case WRONG_TYPES, FOREIGN_ENDPOINTS, DNS_NAME -> passOn(ctx, cloud, service, mode);
            case SILENT_KEYSTONE -> silent(ctx, cloud, service, mode);
        }
        return true;
    }

    private static void count(SimulatedCloud cloud, String service, HostileMode mode, String outcome) {
        cloud.stats().recordHostile(service, mode.id(), outcome);
    }

    private static void answer(SimulatedCloud cloud, String service, HostileMode mode, HttpServerResponse response,
            String contentType, String body) {
        count(cloud, service, mode, "200");
        response.setStatusCode(200).putHeader("Content-Type", contentType).end(HostileDocuments.bytes(body));
    }

    /** The normal handler answers (without fault injection); the answer is counted under the mode. */
    private static void passOn(RoutingContext ctx, SimulatedCloud cloud, String service, HostileMode mode) {
        ctx.addBodyEndHandler(v -> count(cloud, service, mode, String.valueOf(ctx.response().getStatusCode())));
        ctx.next();
    }

    private static void stream(RoutingContext ctx, SimulatedCloud cloud, String service, HostileProfile hostile) {
        HttpServerResponse response = ctx.response();
        count(cloud, service, hostile.mode(), "200");
        response.setStatusCode(200).putHeader("Content-Type", "application/json").setChunked(true);
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.end();
            return;
        }
        HostileStreams.Stream stream = cloud.hostileStreams().open(ctx.request().connection()::close);
        Runnable start;
        Runnable stop;
        if (hostile.mode() == HostileMode.ENDLESS_BODY) {
            Context context = ctx.vertx().getOrCreateContext();
            EndlessBody body = new EndlessBody(response, task -> context.runOnContext(v -> task.run()), stream,
                    service);
            start = body::start;
            stop = body::stop;
        } else {
            TrickleBody body = new TrickleBody(ctx.vertx(), response, stream, service, hostile.trickleInterval());
            start = body::start;
            stop = body::stop;
        }
        response.closeHandler(v -> {
            stop.run();
            stream.end();
        });
        start.run();
    }

    /** Reads the request and never answers; the connection stays open until the client (or a mode change) closes it. */
    private static void silent(RoutingContext ctx, SimulatedCloud cloud, String service, HostileMode mode) {
        count(cloud, service, mode, "silent");
        HostileStreams.Stream stream = cloud.hostileStreams().open(ctx.request().connection()::close);
        ctx.response().closeHandler(v -> stream.end());
    }
}

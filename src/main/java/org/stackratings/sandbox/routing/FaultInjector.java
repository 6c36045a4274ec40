package org.stackratings.sandbox.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.stackratings.sandbox.profile.FaultMode;
import org.stackratings.sandbox.profile.OutageWindow;
import org.stackratings.sandbox.state.SimulatedCloud;

/**
 * Decides, for each request to a cloud's service, whether it meets an outage, an injected error, and how much latency,
 * then carries it out without blocking: latency and hung requests are Vert.x timers on the event loop. The latency
 * counts from the moment the request has been read; the answer is computed at once and sent when it is due.
 */
public final class FaultInjector {

    private final Vertx vertx;
    private final Clock clock;

    public FaultInjector(Vertx vertx, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
    }

    /** Runs once the request body has been read; continues the route chain (after the latency) when no fault hits. */
    public void handle(RoutingContext ctx, SimulatedCloud cloud, OpenStackService service) {
        String key = service.key();
        Instant now = clock.instant();
        Optional<OutageWindow> outage = cloud.activeOutage(key, now);
        if (outage.isPresent() && outage.get().mode() == FaultMode.RESET) {
            cloud.stats().record(key, "reset");
            ctx.request().connection().close();
            return;
        }
        if (outage.isPresent() && outage.get().mode() == FaultMode.TIMEOUT) {
            cloud.stats().record(key, "timeout");
            hang(ctx, cloud.profile().hangMs());
            return;
        }
        ctx.addBodyEndHandler(v -> cloud.stats().record(key, String.valueOf(ctx.response().getStatusCode())));
        // the answer is prepared at once and held until the latency has passed (see ApiRequest.send)
        long latencyNanos = Math.round(cloud.drawLatencyMs(key) * 1_000_000);
        ctx.put(ApiRequest.RELEASE_AT_KEY, System.nanoTime() + latencyNanos);
        if (outage.isPresent()) {
            ApiRequest.send(ctx, 503, service.errorBody(503, "The service is unavailable (simulated outage)."));
        } else if (cloud.drawError()) {
            int status = cloud.profile().errorStatus();
            ApiRequest.send(ctx, status, service.errorBody(status,
                    "The server has either erred or is incapable of performing the requested operation (simulated)."));
        } else {
            ctx.next();
        }
    }

    private void hang(RoutingContext ctx, long hangMs) {
        HttpConnection connection = ctx.request().connection();
        if (hangMs <= 0) {
            connection.close();
            return;
        }
        long timer = vertx.setTimer(hangMs, id -> connection.close());
        ctx.response().closeHandler(v -> vertx.cancelTimer(timer));
    }
}

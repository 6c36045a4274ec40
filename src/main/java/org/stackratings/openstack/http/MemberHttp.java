package org.stackratings.openstack.http;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.jboss.logging.Logger;
import org.stackratings.openstack.CallLimits;

import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one HTTP client of every call to a member cloud (openstack4j's, through {@link OpenStack4jConnector}, and the
 * agency's own). One OkHttp client holds the connection pool and the dispatcher that every call shares (no client,
 * pool or thread per request); each session derives from it a client with its own timeouts and its own
 * {@link VettingDns}, which OkHttp counts in a connection's identity, so pooled connections are shared only by
 * sessions whose address rules are the same. Redirects are never followed, no proxy is used, cookies and caches are
 * off, HTTP/1.1 only (whose header and body reads {@link AnswerLimits} bounds), and when the agency stops every call
 * in flight is cancelled.
 */
@ApplicationScoped
public class MemberHttp {

    private static final Logger LOG = Logger.getLogger(MemberHttp.class);
    /** Idle connections kept, and for how long: shorter than the api probe's cadence, so a run usually dials afresh. */
    private static final int IDLE_CONNECTIONS = 64;
    private static final Duration IDLE_TTL = Duration.ofSeconds(30);

    private final OkHttpClient shared;

    public MemberHttp() {
        OpenStack4jConnector.install();
        this.shared = new OkHttpClient.Builder()
                .dispatcher(new Dispatcher())
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, IDLE_TTL.toSeconds(), TimeUnit.SECONDS))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                // a pooled connection the server has closed meanwhile is retried once on a new one (honest servers close
                // idle connections); a request whose body was sent is never sent again (OneShotBodies)
                .retryOnConnectionFailure(true)
                .addInterceptor(new OneShotBodies())
                .cookieJar(CookieJar.NO_COOKIES)
                .cache(null)
                .protocols(List.of(Protocol.HTTP_1_1))
                .addNetworkInterceptor(new AnswerLimits())
                .build();
    }

    /** A client for one session's calls: the policy's hosts, ports, schemes and addresses; the limits' timeouts and sizes. */
    public BoundedClient client(CallPolicy policy, CallLimits limits) {
        return client(policy, limits, CallObserver.NONE);
    }

    /** {@link #client(CallPolicy, CallLimits)}, whose calls' endings {@code observer} hears. */
    public BoundedClient client(CallPolicy policy, CallLimits limits, CallObserver observer) {
        OkHttpClient client = shared.newBuilder()
                .dns(policy.dns())
                .connectTimeout(limits.connectTimeout())
                .readTimeout(limits.readTimeout())
                .writeTimeout(limits.readTimeout())
                .build();
        return new BoundedClient(client, policy, limits, observer);
    }

    /** Calls in flight (all sessions). */
    public int callsInFlight() {
        return shared.dispatcher().runningCallsCount();
    }

    void stop(@Observes ShutdownEvent event) {
        int running = shared.dispatcher().runningCallsCount();
        if (running > 0) {
            LOG.infof("Cancelling %d call(s) to member clouds: the agency stops", running);
        }
        shared.dispatcher().cancelAll();
        shared.connectionPool().evictAll();
    }
}

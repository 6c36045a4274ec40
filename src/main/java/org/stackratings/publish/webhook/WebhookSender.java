package org.stackratings.publish.webhook;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import okhttp3.Call;
import org.stackratings.egress.RefusedAddressException;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one signed event (OkHttp). The client connects only to addresses that {@link TargetUrlPolicy} vetted in the
 * lookup for this very connection (its {@code Dns} hook), never through a proxy, and follows no redirect (a redirect
 * could lead to an address the policy refuses); only a 2xx answer counts as delivered. The answer's body is never read.
 */
@ApplicationScoped
public class WebhookSender {

    /**
     * What the receiver answered: a status code, or an error when there was no answer. {@code interrupted}: the agency
     * is stopping; nothing is recorded and the lease lets another run send the event again.
     */
    public record Outcome(Integer status, String error, boolean interrupted) {
        Outcome(Integer status, String error) {
            this(status, error, false);
        }

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        String describe() {
            return error != null ? error : "HTTP " + status;
        }
    }

    private static final MediaType CLOUD_EVENT = MediaType.get(EventFactory.CONTENT_TYPE);
    private static final int MAX_CONCURRENT_CALLS = 256;
    /** Beyond the call's own timeout, how long the sender waits for OkHttp before it gives the call up. */
    private static final Duration WAIT_MARGIN = Duration.ofSeconds(5);

    private final OkHttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    @Inject
    public WebhookSender(WebhookConfig config, TargetUrlPolicy policy) {
        this(config.connectTimeout(), config.requestTimeout(), policy);
    }

    WebhookSender(Duration connectTimeout, Duration requestTimeout, TargetUrlPolicy policy) {
        Dispatcher dispatcher = new Dispatcher();
        // every delivery thread's call starts at once (OkHttp's default is 5 per host): its timeouts run from then
        dispatcher.setMaxRequests(MAX_CONCURRENT_CALLS);
        dispatcher.setMaxRequestsPerHost(MAX_CONCURRENT_CALLS);
        this.client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .dns(policy::connectableAddresses)
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(connectTimeout)
                .readTimeout(requestTimeout)
                .writeTimeout(requestTimeout)
                .callTimeout(connectTimeout.plus(requestTimeout))
                .build();
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    /**
     * Sends and waits for the answer. The call runs on OkHttp's dispatcher so that this thread's wait can be
     * interrupted (OkHttp's blocking sockets ignore interrupts): when the agency stops, the call is cancelled and the
     * outcome is {@code interrupted}, not a failed attempt.
     */
    public Outcome send(URI target, byte[] body, Signature signature, String eventId) {
        Request request = new Request.Builder()
                .url(target.toString())
                .header("User-Agent", "StackRatings-Webhooks/1")
                .header(Signature.HEADER, signature.header())
                .header("X-StackRatings-Event-Id", eventId)
                .post(RequestBody.create(CLOUD_EVENT, body))
                .build();
        Call call = client.newCall(request);
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                answer.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call answered, Response response) {
                try (response) { // the body is never read
                    answer.complete(response.code());
                }
            }
        });
        try {
            return new Outcome(answer.get(connectTimeout.plus(requestTimeout).plus(WAIT_MARGIN).toMillis(),
                    TimeUnit.MILLISECONDS), null);
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            if (answer.isDone() && !answer.isCompletedExceptionally()) { // answered just before the stop
                return new Outcome(answer.join(), null);
            }
            return new Outcome(null, "interrupted", true);
        } catch (TimeoutException e) {
            call.cancel();
            return new Outcome(null, "no answer within " + requestTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return failed(target, e.getCause());
        }
    }

    /** Stops OkHttp's dispatcher threads and closes idle connections when the application stops (and on reload). */
    @PreDestroy
    void close() {
        client.dispatcher().executorService().shutdownNow();
        client.connectionPool().evictAll();
    }

    private Outcome failed(URI target, Throwable cause) {
        if (cause instanceof RefusedAddressException) {
            return new Outcome(null, "target refused: " + cause.getMessage());
        }
        String hostAndPort = target.getHost() + ":" + (target.getPort() > 0 ? target.getPort()
                : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80);
        if (cause instanceof SocketTimeoutException
                && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("connect")) {
            return new Outcome(null, "cannot connect to " + hostAndPort + " within " + connectTimeout.toSeconds() + " s");
        }
        if (cause instanceof InterruptedIOException) { // a read, write or whole-call timeout
            return new Outcome(null, "no answer within " + requestTimeout.toSeconds() + " s");
        }
        if (cause instanceof ConnectException) { // OkHttp's message names the resolved address: not shown
            return new Outcome(null, "cannot connect to " + hostAndPort);
        }
        if (cause instanceof UnknownHostException) {
            return new Outcome(null, "cannot resolve " + target.getHost());
        }
        return new Outcome(null, cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }
}

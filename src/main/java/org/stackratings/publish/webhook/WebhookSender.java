package org.stackratings.publish.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.time.Duration;

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

    private final OkHttpClient client;
    private final Duration requestTimeout;

    @Inject
    public WebhookSender(WebhookConfig config, TargetUrlPolicy policy) {
        this(config.connectTimeout(), config.requestTimeout(), policy);
    }

    WebhookSender(Duration connectTimeout, Duration requestTimeout, TargetUrlPolicy policy) {
        this.client = new OkHttpClient.Builder()
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
        this.requestTimeout = requestTimeout;
    }

    public Outcome send(URI target, byte[] body, Signature signature, String eventId) {
        Request request = new Request.Builder()
                .url(target.toString())
                .header("User-Agent", "StackRatings-Webhooks/1")
                .header(Signature.HEADER, signature.header())
                .header("X-StackRatings-Event-Id", eventId)
                .post(RequestBody.create(CLOUD_EVENT, body))
                .build();
        try (Response response = client.newCall(request).execute()) {
            return new Outcome(response.code(), null);
        } catch (TargetUrlPolicy.NonPublicAddressException e) {
            return new Outcome(null, "target refused: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            return new Outcome(null, "no answer within " + requestTimeout.toSeconds() + " s");
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                return new Outcome(null, "interrupted", true);
            }
            return new Outcome(null, "no answer within " + requestTimeout.toSeconds() + " s");
        } catch (ConnectException e) {
            return new Outcome(null, "cannot connect" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}

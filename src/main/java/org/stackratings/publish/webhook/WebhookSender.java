package org.stackratings.publish.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * POSTs one signed event. Redirects are not followed (a redirect could lead to an address the target URL policy
 * refuses); only a 2xx answer counts as delivered. The answer's body is never read.
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

    private final HttpClient client;
    private final Duration requestTimeout;

    public WebhookSender(WebhookConfig config) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = config.requestTimeout();
    }

    public Outcome send(URI target, byte[] body, Signature signature, String eventId) {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                .header("Content-Type", EventFactory.CONTENT_TYPE)
                .header("User-Agent", "StackRatings-Webhooks/1")
                .header(Signature.HEADER, signature.header())
                .header("X-StackRatings-Event-Id", eventId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return new Outcome(response.statusCode(), null);
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "no answer within " + requestTimeout.toSeconds() + " s");
        } catch (ConnectException e) {
            return new Outcome(null, "cannot connect" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", true);
        }
    }
}

package org.stackratings.probe;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Before a connection failure or timeout is blamed on a member, checks that the agency's own network works
 * by calling the configured control URLs (PRODUCT.md section 3). With none configured, the agency trusts its network.
 */
@ApplicationScoped
public class AgencySelfCheck {

    private static final Logger LOG = Logger.getLogger(AgencySelfCheck.class);

    private final List<String> controlUrls;
    private final HttpClient http;
    private final Duration timeout;

    public AgencySelfCheck(ProbeConfig config) {
        this.controlUrls = config.controlUrls().orElse(List.of());
        this.timeout = config.connectTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Empty when the agency's network is fine; otherwise what is wrong with it. */
    Optional<String> networkFault() {
        if (controlUrls.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder failures = new StringBuilder();
        for (String url : controlUrls) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 500) {
                    return Optional.empty();
                }
                failures.append(url).append(" answered ").append(response.statusCode()).append("; ");
            } catch (IOException e) {
                failures.append(url).append(" failed: ").append(e).append("; ");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("self-check interrupted");
            }
        }
        LOG.warnf("Agency self-check failed: %s", failures);
        return Optional.of("agency self-check failed, no control URL answered: " + failures);
    }
}

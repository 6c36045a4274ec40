package org.stackratings.publish.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Webhook subscriptions and the delivery of their events (docs/webhooks.md). */
@ConfigMapping(prefix = "stackratings.webhook")
public interface WebhookConfig {

    /** How often due deliveries are sent (a scheduler interval, or {@code off}). */
    @WithDefault("5s")
    String deliveryInterval();

    /** A delivery still failing this long after its action entered the outbox is given up ({@code FAILED}). */
    @WithDefault("P1D")
    Duration giveUpAfter();

    /** Wait before the first retry; each further retry waits twice as long, with jitter. */
    @WithDefault("PT10S")
    Duration initialBackoff();

    /** Longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration maxBackoff();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** Time for the receiver to answer with a status line and headers. */
    @WithDefault("PT10S")
    Duration requestTimeout();

    /** How long a claimed delivery stays reserved for the instance that claimed it; after that (a crash) it is sent again. */
    @WithDefault("PT5M")
    Duration lease();

    /** Deliveries claimed per run. */
    @WithDefault("100")
    int batchSize();

    /** Subscriptions delivered to at once. */
    @WithDefault("4")
    int threads();

    /** Whether target URLs may use plain http (https is always allowed). */
    @WithDefault("false")
    boolean allowHttp();

    /** Whether target URLs may resolve to loopback, link-local, private or other non-public addresses. */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Most subscriptions one API key may hold. */
    @WithDefault("20")
    int maxSubscriptionsPerKey();

    /** The CloudEvents {@code source} of every event (a URI reference that names this agency). */
    @WithDefault("urn:stackratings:feed")
    String eventSource();
}

package org.stackratings.publish.webhook;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender connects only to addresses the policy vetted in the lookup for that connection. A receiver on loopback
 * stands for the agency's own network; a resolver that answers a public address first and loopback afterwards is a
 * DNS rebinding attack.
 */
class WebhookSenderTest {

    private static final String HOST = "hooks.example.com";
    private static final byte[] BODY = "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8);

    private HttpServer receiver;
    private final AtomicInteger received = new AtomicInteger();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.incrementAndGet();
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aHostThatRebindsToLoopbackAfterTheCheckIsNotConnectedTo() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        TargetUrlPolicy policy = new TargetUrlPolicy(true, false, host -> lookups.getAndIncrement() == 0
                ? new InetAddress[]{InetAddress.getByName("93.184.216.34")}
                : new InetAddress[]{InetAddress.getLoopbackAddress()});
        URI target = policy.check(url());

        WebhookSender.Outcome outcome = sender(policy).send(target, BODY, signature(), "event-1");

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).contains("target refused").contains("non-public address")
                .doesNotContain("127.0.0.1");
        assertThat(lookups).hasValue(2);
        assertThat(received).hasValue(0);
    }

    @Test
    void theSameLoopbackReceiverIsReachedWhenConfigurationAllowsPrivateTargets() {
        TargetUrlPolicy policy = new TargetUrlPolicy(true, true, host -> new InetAddress[]{InetAddress.getLoopbackAddress()});

        WebhookSender.Outcome outcome = sender(policy).send(policy.check(url()), BODY, signature(), "event-1");

        assertThat(outcome.delivered()).as(outcome.describe()).isTrue();
        assertThat(outcome.status()).isEqualTo(204);
        assertThat(received).hasValue(1);
        assertThat(contentTypes).containsExactly(EventFactory.CONTENT_TYPE);
    }

    @Test
    void aHostThatDoesNotResolveIsAnError() {
        TargetUrlPolicy policy = new TargetUrlPolicy(true, true, host -> {
            throw new UnknownHostException(host);
        });

        WebhookSender.Outcome outcome = sender(policy).send(URI.create(url()), BODY, signature(), "event-1");

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).isEqualTo("cannot resolve " + HOST);
        assertThat(received).hasValue(0);
    }

    @Test
    void aSendWaitingForASilentReceiverEndsAsInterruptedWhenTheAgencyStops() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TargetUrlPolicy policy = new TargetUrlPolicy(true, true, host -> new InetAddress[]{InetAddress.getLoopbackAddress()});
            WebhookSender sender = new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(30), policy);
            URI target = URI.create("http://" + HOST + ":" + silent.getLocalPort() + "/hook");
            ExecutorService worker = Executors.newSingleThreadExecutor();
            try {
                Future<WebhookSender.Outcome> sending = worker.submit(() -> sender.send(target, BODY, signature(), "event-1"));
                try (Socket accepted = silent.accept()) { // connected; the receiver never answers
                    worker.shutdownNow(); // what DeliveryWorker does when the agency stops
                    WebhookSender.Outcome outcome = sending.get(5, TimeUnit.SECONDS);
                    assertThat(outcome.interrupted()).as(outcome.describe()).isTrue();
                    assertThat(outcome.delivered()).isFalse();
                }
            } finally {
                worker.shutdownNow();
            }
        }
    }

    @Test
    void aRefusedConnectionNamesTheHostButNotItsAddress() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        TargetUrlPolicy policy = new TargetUrlPolicy(true, true, host -> new InetAddress[]{InetAddress.getLoopbackAddress()});
        WebhookSender.Outcome outcome = sender(policy).send(URI.create("http://" + HOST + ":" + closedPort + "/hook"), BODY,
                signature(), "event-1");
        assertThat(outcome.error()).isEqualTo("cannot connect to " + HOST + ":" + closedPort);
    }

    private String url() {
        return "http://" + HOST + ":" + receiver.getAddress().getPort() + "/hook";
    }

    private static WebhookSender sender(TargetUrlPolicy policy) {
        return new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(2), policy);
    }

    private static Signature signature() {
        return Signature.sign("0123456789abcdef0123456789abcdef", 1_700_000_000L, BODY);
    }
}

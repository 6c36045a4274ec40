package org.stackratings.openstack.http;

import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.stackratings.egress.EgressRules;
import org.stackratings.egress.HostResolver;
import org.stackratings.egress.RefusedAddressException;
import org.stackratings.openstack.CallLimits;
import org.stackratings.openstack.EndpointNotAllowedException;
import org.stackratings.openstack.RunDeadline;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The one HTTP boundary to member clouds, against a socket server that misbehaves on purpose: every call ends within
 * its bounds with an exception that says what happened, and nothing reaches a refused destination.
 */
class MemberHttpTest {

    private static final MemberHttp HTTP = new MemberHttp();
    private static final long BODY_LIMIT = 64 * 1024;
    private static final long HEADER_LIMIT = 8 * 1024;

    @AfterAll
    static void stop() {
        HTTP.stop(null);
    }

    private static CallPolicy loopback(RawHttpServer server) {
        return new CallPolicy(Set.of("127.0.0.1"), server.port(), Set.of(), true, EgressRules.allowing(List.of("127.0.0.1/32")),
                HostResolver.SYSTEM);
    }

    private static CallLimits limits(Duration callTimeout, RunDeadline deadline) {
        return new CallLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), callTimeout, BODY_LIMIT, HEADER_LIMIT, deadline);
    }

    private static CallLimits limits() {
        return limits(Duration.ofSeconds(5), RunDeadline.after(Duration.ofSeconds(30)));
    }

    private static String get(BoundedClient client, String url) throws IOException {
        try (BoundedResponse response = client.send(new Request.Builder().url(url), false)) {
            return response.status() + " " + response.text();
        }
    }

    @Test
    void readsAnHonestAnswer() throws Exception {
        try (RawHttpServer server = new RawHttpServer("127.0.0.1", out -> RawHttpServer.write(out,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"))) {
            assertThat(get(HTTP.client(loopback(server), limits()), server.url("/v3"))).isEqualTo("200 {}");
        }
    }

    @Test
    void anEndlessBodyStopsAtTheLimit() throws Exception {
        try (RawHttpServer server = new RawHttpServer("127.0.0.1", out -> {
            RawHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = ("4000\r\n" + "[".repeat(0x4000) + "\r\n").getBytes();
            while (true) {
                out.write(chunk);
            }
        })) {
            BoundedClient client = HTTP.client(loopback(server), limits());
            assertThatThrownBy(() -> get(client, server.url("/flavors"))).isInstanceOf(AnswerTooLargeException.class)
                    .hasMessageContaining("body exceeds the limit of 64 KiB");
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
        try (RawHttpServer server = new RawHttpServer("127.0.0.1", out -> RawHttpServer.write(out,
                "HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\n\r\n{"))) {
            assertThatThrownBy(() -> get(HTTP.client(loopback(server), limits()), server.url("/x")))
                    .isInstanceOf(AnswerTooLargeException.class);
        }
    }

    @Test
    void headersOverTheLimitEndTheCallAtOursOrAtOkHttpsLimit() throws Exception {
        String header = "X-Pad: " + "a".repeat(1000) + "\r\n";
        for (int headers : new int[]{20, 2000}) { // 20 KiB (over ours), 2 MiB (over OkHttp's 256 KiB)
            try (RawHttpServer server = new RawHttpServer("127.0.0.1", out -> RawHttpServer.write(out,
                    "HTTP/1.1 200 OK\r\n" + header.repeat(headers) + "Content-Length: 2\r\n\r\n{}"))) {
                assertThatThrownBy(() -> get(HTTP.client(loopback(server), limits()), server.url("/x")))
                        .isInstanceOf(AnswerTooLargeException.class).hasMessageContaining("answer's headers")
                        .hasMessageContaining(headers == 20 ? "exceed the limit of 8 KiB" : "256 KiB");
            }
        }
    }

    @Test
    void aTrickledBodyEndsAtTheCallTimeout() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (RawHttpServer server = new RawHttpServer("127.0.0.1", out -> {
            RawHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            try {
                while (true) { // one byte every 200 ms: every read succeeds within the read timeout
                    RawHttpServer.write(out, "1\r\n \r\n");
                    Thread.sleep(200);
                }
            } finally {
                closed.countDown();
            }
        })) {
            BoundedClient client = HTTP.client(loopback(server), limits(Duration.ofMillis(1500), RunDeadline.after(Duration.ofSeconds(30))));
            assertThatThrownBy(() -> get(client, server.url("/images")))
                    .isInstanceOf(IOException.class).hasMessageContaining("timeout");
            assertThat(closed.await(10, TimeUnit.SECONDS)).as("the agency closed the connection").isTrue();
        }
    }

    @Test
    void theRunsDeadlineCancelsTheCallInFlight() throws Exception {
        CountDownLatch answering = new CountDownLatch(1);
        try (RawHttpServer server = new RawHttpServer("127.0.0.1", out -> {
            answering.countDown();
            new CountDownLatch(1).await(); // never answers
        })) {
            RunDeadline deadline = RunDeadline.after(Duration.ofMinutes(5));
            BoundedClient client = HTTP.client(loopback(server), limits(Duration.ofMinutes(5), deadline));
            CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
                try {
                    return get(client, server.url("/v3/auth/tokens"));
                } catch (IOException e) {
                    return e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            });
            assertThat(answering.await(10, TimeUnit.SECONDS)).isTrue();
            deadline.cancel();
            assertThat(call.get(10, TimeUnit.SECONDS)).startsWith("CallDeadlineException: cancelled at the run's deadline");
            assertThatThrownBy(() -> get(client, server.url("/v3"))).isInstanceOf(BoundedClient.CallDeadlineException.class)
                    .hasMessageContaining("passed before the call was sent");
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void aRedirectIsRefusedAndNotFollowed() throws Exception {
        try (RawHttpServer canary = new RawHttpServer("127.0.0.1", out -> RawHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
             RawHttpServer server = new RawHttpServer("127.0.0.1", out -> RawHttpServer.write(out,
                     "HTTP/1.1 302 Found\r\nLocation: " + canary.url("/steal") + "\r\nContent-Length: 0\r\n\r\n"))) {
            CallPolicy both = new CallPolicy(Set.of("127.0.0.1"), server.port(), Set.of(canary.port()), true,
                    EgressRules.allowing(List.of("127.0.0.1/32")), HostResolver.SYSTEM);
            assertThatThrownBy(() -> get(HTTP.client(both, limits()), server.url("/v3/auth/tokens")))
                    .isInstanceOfSatisfying(RedirectRefusedException.class, e -> assertThat(e.status()).isEqualTo(302))
                    .hasMessageContaining("127.0.0.1:" + canary.port()).hasMessageContaining("follows no redirects");
            try (BoundedResponse answer = HTTP.client(both, limits()).send(new Request.Builder().url(server.url("/")), true)) {
                assertThat(answer.status()).as("the agency's raw calls see the redirect as an answer").isEqualTo(302);
            }
            assertThat(canary.requests()).isZero();
        }
    }

    @Test
    void refusesHostsPortsSchemesAndAddressesBeforeSendingAnything() throws Exception {
        try (RawHttpServer canary = new RawHttpServer("127.0.0.2", out -> RawHttpServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))) {
            HostResolver dns = host -> switch (host) {
                case "compute.member.test" -> new InetAddress[]{InetAddress.getByName("127.0.0.2")};
                case "metadata.member.test" -> new InetAddress[]{InetAddress.getByName("169.254.169.254")};
                default -> HostResolver.SYSTEM.resolve(host);
            };
            CallPolicy policy = new CallPolicy(Set.of("127.0.0.1", "compute.member.test", "metadata.member.test", "127.0.0.2"),
                    canary.port(), Set.of(), false, EgressRules.allowing(List.of("127.0.0.1/32")), dns);
            BoundedClient client = HTTP.client(policy, limits());
            assertThatThrownBy(() -> get(client, "http://compute.member.test:" + canary.port() + "/v2.1"))
                    .isInstanceOf(EndpointNotAllowedException.class).hasMessageContaining("plain http");
            CallPolicy https = new CallPolicy(policy.hosts(), canary.port(), Set.of(), true, policy.rules(), dns);
            BoundedClient client2 = HTTP.client(https, limits());
            assertThatThrownBy(() -> get(client2, "http://compute.member.test:" + canary.port() + "/v2.1"))
                    .isInstanceOf(RefusedAddressException.class).hasMessageContaining("loopback").hasMessageNotContaining("127.0.0.2");
            assertThatThrownBy(() -> get(client2, "http://metadata.member.test:" + canary.port() + "/latest"))
                    .isInstanceOf(RefusedAddressException.class).hasMessageContaining("link local");
            assertThatThrownBy(() -> get(client2, "http://127.0.0.2:" + canary.port() + "/v2.1"))
                    .as("an IP literal, which OkHttp connects to without its DNS hook")
                    .isInstanceOf(EndpointNotAllowedException.class).hasMessageContaining("loopback");
            assertThatThrownBy(() -> get(client2, "http://elsewhere.example.com:" + canary.port() + "/"))
                    .isInstanceOf(EndpointNotAllowedException.class).hasMessageContaining("host 'elsewhere.example.com' is not allowed");
            assertThatThrownBy(() -> get(client2, "http://compute.member.test:6379/"))
                    .isInstanceOf(EndpointNotAllowedException.class).hasMessageContaining("port 6379");
            assertThat(canary.requests()).isZero();
        }
    }

    @Test
    void theAgencysStopCancelsEveryCallInFlight() throws Exception {
        MemberHttp http = new MemberHttp();
        CountDownLatch answering = new CountDownLatch(1);
        try (RawHttpServer server = new RawHttpServer("127.0.0.1", out -> {
            answering.countDown();
            new CountDownLatch(1).await();
        })) {
            BoundedClient client = http.client(loopback(server), limits(Duration.ofMinutes(5), RunDeadline.after(Duration.ofMinutes(5))));
            CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(() -> {
                try (InputStream ignored = client.send(new Request.Builder().url(server.url("/")), false).stream()) {
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            assertThat(answering.await(10, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> http.callsInFlight() == 1);
            http.stop(null);
            assertThat(call.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
            assertThat(http.callsInFlight()).isZero();
        }
    }
}

package org.stackratings.publish.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stackratings.publish.ActionFixture;
import org.stackratings.publish.feed.FeedSequencer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.stackratings.ApiTestSupport.admin;

@QuarkusTest
class WebhookDeliveryTest {

    private static final String SECRET = "receiver-chosen-secret-0123456789";
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    @Inject
    FeedSequencer sequencer;
    @Inject
    DeliveryWorker worker;
    @Inject
    ObjectMapper json;
    @Inject
    org.stackratings.security.CredentialCipher cipher;
    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;
    @Inject
    OutboxMetrics outbox;
    @Inject
    jakarta.persistence.EntityManager em;

    private Receiver receiver;
    private final List<String> subscriptions = new ArrayList<>();
    private long member;

    @BeforeEach
    void start() throws Exception {
        receiver = Receiver.start();
        member = ActionFixture.member("hooked");
        sequencer.sequenceAll(); // what other tests left behind is not for the subscriptions made here
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(id -> admin().delete("/api/v1/subscriptions/" + id).then().statusCode(204));
        receiver.close();
    }

    @Test
    void deliversEachActionOnceAsASignedCloudEvent() throws Exception {
        JsonPath chosen = subscribe("/chosen", SECRET);
        assertThat(chosen.getString("secret")).isEqualTo(SECRET);
        JsonPath generated = subscribe("/generated", null);
        String generatedSecret = generated.getString("secret");
        assertThat(generatedSecret).startsWith("whsec_").hasSizeGreaterThan(40);
        admin().get("/api/v1/subscriptions/" + chosen.getString("id")).then().statusCode(200)
                .body("$", not(hasKey("secret"))).body("targetUrl", equalTo(receiver.url("/chosen")))
                .body("owner", equalTo("bootstrap-admin"));

        long action = ActionFixture.insertCommitted(member, "A2");
        sequencer.sequenceAll();
        worker.deliverDue(Instant.now());

        assertThat(receiver.received("/chosen")).hasSize(1);
        Receiver.Received event = receiver.received("/chosen").get(0);
        assertThat(event.header("Content-Type")).startsWith("application/cloudevents+json");
        assertThat(event.header("X-StackRatings-Event-Id")).isEqualTo("rating-action-" + action);
        JsonNode body = json.readTree(event.body());
        assertThat(body.path("specversion").asText()).isEqualTo("1.0");
        assertThat(body.path("id").asText()).isEqualTo("rating-action-" + action);
        assertThat(body.path("source").asText()).isEqualTo("urn:stackratings:feed");
        assertThat(body.path("type").asText()).isEqualTo("org.stackratings.rating.action");
        assertThat(body.path("subject").asText()).startsWith("hooked-");
        assertThat(body.path("time").asText()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(body.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(body.path("sequence").asText()).hasSize(19);
        assertThat(body.path("data").path("actionId").asLong()).isEqualTo(action);
        assertThat(body.path("data").path("rating").asText()).isEqualTo("A2");
        assertThat(body.path("data").path("sequence").asLong()).isEqualTo(Long.parseLong(body.path("sequence").asText()));
        assertSigned(event, SECRET);
        assertSigned(receiver.received("/generated").get(0), generatedSecret);
        assertThat(receiver.received("/generated").get(0).body()).isEqualTo(event.body());

        worker.deliverDue(Instant.now().plusSeconds(3600));
        assertThat(receiver.received("/chosen")).as("delivered once").hasSize(1);
        admin().get("/api/v1/subscriptions/" + chosen.getString("id")).then().statusCode(200)
                .body("deliveries.delivered", equalTo(1)).body("deliveries.pending", equalTo(0))
                .body("lastFailure", nullValue());
        admin().get("/api/v1/subscriptions/" + chosen.getString("id") + "/deliveries").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].eventId", equalTo("rating-action-" + action))
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", equalTo(204));
    }

    @Test
    void retriesWithBackOffAfterTheReceiverFailsAndKeepsTheOrder() {
        String id = subscribe("/flaky", SECRET).getString("id");
        receiver.answer(2, 503);
        long first = ActionFixture.insertCommitted(member, "Baa1");
        long second = ActionFixture.insertCommitted(member, "Baa2");
        sequencer.sequenceAll();

        Instant t0 = Instant.now();
        worker.deliverDue(t0);
        assertThat(receiver.received("/flaky")).as("the second event waits behind the failed first").hasSize(1);
        JsonPath failing = admin().get("/api/v1/subscriptions/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(failing.getInt("deliveries.pending")).isEqualTo(2);
        assertThat(failing.getString("lastFailure.eventId")).isEqualTo("rating-action-" + first);
        assertThat(failing.getInt("lastFailure.lastStatusCode")).isEqualTo(503);
        assertThat(failing.getString("lastFailure.lastError")).isEqualTo("HTTP 503");
        Instant retry = Instant.parse(failing.getString("lastFailure.nextAttemptAt"));
        assertThat(retry).isBetween(t0.plusSeconds(5), t0.plusSeconds(10)); // initial back-off 10 s, jitter [5 s, 10 s]

        worker.deliverDue(t0.plusSeconds(4));
        assertThat(receiver.received("/flaky")).as("not due yet").hasSize(1);
        worker.deliverDue(t0.plusSeconds(10));
        assertThat(receiver.received("/flaky")).hasSize(2);
        Instant secondRetry = Instant.parse(admin().get("/api/v1/subscriptions/" + id).then().extract().jsonPath()
                .getString("lastFailure.nextAttemptAt"));
        assertThat(secondRetry).isBetween(t0.plusSeconds(20), t0.plusSeconds(30)); // second back-off: [10 s, 20 s]

        worker.deliverDue(t0.plusSeconds(30));
        List<Receiver.Received> all = receiver.received("/flaky");
        assertThat(all).hasSize(4);
        assertThat(all.stream().map(r -> r.header("X-StackRatings-Event-Id")).toList()).containsExactly(
                "rating-action-" + first, "rating-action-" + first, "rating-action-" + first, "rating-action-" + second);
        admin().get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("deliveries.delivered", equalTo(2)).body("deliveries.pending", equalTo(0)).body("lastFailure", nullValue());
    }

    @Test
    void givesUpAfterTheConfiguredTimeAndShowsTheFailure() {
        String id = subscribe("/down", SECRET).getString("id");
        receiver.answer(1000, 500);
        long action = ActionFixture.insertCommitted(member, "Caa1");
        sequencer.sequenceAll();

        Instant t0 = Instant.now();
        worker.deliverDue(t0);
        worker.deliverDue(t0.plus(Duration.ofHours(12)));
        admin().get("/api/v1/subscriptions/" + id).then().body("deliveries.pending", equalTo(1));
        worker.deliverDue(t0.plus(Duration.ofDays(1)).minusSeconds(5)); // next wait would pass give-up-after (P1D)
        worker.deliverDue(t0.plus(Duration.ofDays(3)));
        assertThat(receiver.received("/down")).hasSize(3);

        admin().get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("deliveries.failed", equalTo(1)).body("deliveries.pending", equalTo(0))
                .body("lastFailure.status", equalTo("FAILED"))
                .body("lastFailure.eventId", equalTo("rating-action-" + action))
                .body("lastFailure.attempts", equalTo(3))
                .body("lastFailure.lastError", equalTo("HTTP 500"))
                .body("lastFailure.nextAttemptAt", nullValue());
        admin().get("/api/v1/subscriptions/" + id + "/deliveries?status=failed").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].status", equalTo("FAILED"));
        admin().get("/api/v1/subscriptions/" + id + "/deliveries?status=DELIVERED").then().statusCode(200).body("total", equalTo(0));
        admin().get("/api/v1/subscriptions/" + id + "/deliveries?status=LOST").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void countsAttemptsAndGiveUpsAndShowsTheBacklog() {
        // every subscription of the application gets the action (other classes' ones too): the counters are compared
        // with what the outbox table says was attempted and given up meanwhile, and this subscription's own delivery
        double failed = attempts("failed");
        double delivered = attempts("delivered");
        double givenUp = registry.get("stackratings.webhook.given.up").counter().count();
        long attemptsBefore = tableCount("select coalesce(sum(attempts), 0) from webhook_delivery");
        long givenUpBefore = tableCount("select count(*) from webhook_delivery where status = 'FAILED'");
        String id = subscribe("/flaky", SECRET).getString("id");
        receiver.answer(1000, 500);
        ActionFixture.insertCommitted(member, "B1");
        sequencer.sequenceAll();
        long pending = tableCount("select count(*) from webhook_delivery where status = 'PENDING'");
        assertThat(outbox.read().pending()).isEqualTo(pending);

        Instant t0 = Instant.now();
        worker.deliverDue(t0);
        worker.deliverDue(t0.plus(Duration.ofHours(12)));
        worker.deliverDue(t0.plus(Duration.ofDays(1)).minusSeconds(5));
        long attempted = tableCount("select coalesce(sum(attempts), 0) from webhook_delivery") - attemptsBefore;
        assertThat(tableCount("select attempts from webhook_delivery where subscription_id = '" + id + "'"))
                .as("this subscription's delivery: three attempts, then given up").isEqualTo(3);
        assertThat(tableCount("select count(*) from webhook_delivery where subscription_id = '" + id
                + "' and status = 'FAILED'")).isEqualTo(1);
        assertThat(attempts("failed") - failed + attempts("delivered") - delivered).as("every attempt counted")
                .isEqualTo((double) attempted);
        assertThat(attempts("failed") - failed).isGreaterThanOrEqualTo(3);
        assertThat(registry.get("stackratings.webhook.given.up").counter().count() - givenUp)
                .isEqualTo((double) (tableCount("select count(*) from webhook_delivery where status = 'FAILED'")
                        - givenUpBefore));
        assertThat(outbox.read().pending())
                .isEqualTo(tableCount("select count(*) from webhook_delivery where status = 'PENDING'"));
    }

    private long tableCount(String query) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query)
                .getSingleResult()).longValue());
    }

    private double attempts(String outcome) {
        return registry.get("stackratings.webhook.attempts").tag("outcome", outcome).counter().count();
    }

    @Test
    void aDeliveryClaimedByAnInstanceThatDiedIsSentOnceAfterItsLease() {
        String id = subscribe("/after-crash", SECRET).getString("id");
        // The action commits and the instance dies before the sequencer ran: the next sequencer run queues it.
        long action = ActionFixture.insertCommitted(member, "Aa1");
        sequencer.sequenceAll();

        Instant t0 = Instant.now();
        List<DeliveryWorker.Claimed> claimed = worker.claim(t0); // claimed, then the instance dies before sending
        assertThat(claimed).extracting(DeliveryWorker.Claimed::subscriptionId).contains(java.util.UUID.fromString(id));
        worker.deliverDue(t0.plusSeconds(60));
        assertThat(receiver.received("/after-crash")).as("the lease (5 min) still holds").isEmpty();

        worker.deliverDue(t0.plus(Duration.ofMinutes(5)).plusSeconds(1));
        worker.deliverDue(t0.plus(Duration.ofMinutes(20)));
        assertThat(receiver.received("/after-crash")).hasSize(1);
        assertThat(receiver.received("/after-crash").get(0).header("X-StackRatings-Event-Id")).isEqualTo("rating-action-" + action);
        admin().get("/api/v1/subscriptions/" + id).then().body("deliveries.delivered", equalTo(1));
    }

    @Test
    void aSecretThatNoLongerDecryptsIsAFailureTheSubscriberSees() {
        String id = subscribe("/undecryptable", SECRET).getString("id");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> { // as if sealed under another row
            Subscription s = Subscription.findById(java.util.UUID.fromString(id));
            s.secretEncrypted = cipher.encrypt(SECRET, "webhook:" + java.util.UUID.randomUUID());
        });
        ActionFixture.insertCommitted(member, "Ba3");
        sequencer.sequenceAll();
        worker.deliverDue(Instant.now());
        assertThat(receiver.received("/undecryptable")).isEmpty();
        admin().get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("deliveries.pending", equalTo(1))
                .body("lastFailure.lastError", org.hamcrest.Matchers.containsString("does not decrypt"))
                .body(not(org.hamcrest.Matchers.containsString(SECRET)));
    }

    @Test
    void aSubscriptionGetsOnlyActionsPublishedAfterIt() {
        long before = ActionFixture.insertCommitted(member, "B1");
        sequencer.sequenceAll();
        JsonPath created = subscribe("/later", SECRET);
        long after = ActionFixture.insertCommitted(member, "B2");
        sequencer.sequenceAll();
        worker.deliverDue(Instant.now());
        assertThat(receiver.received("/later")).extracting(r -> r.header("X-StackRatings-Event-Id"))
                .containsExactly("rating-action-" + after).doesNotContain("rating-action-" + before);
        // the start cursor lets the subscriber fetch what it missed from the feed
        org.stackratings.ApiTestSupport.admin().queryParam("since", created.getString("startCursor")).get("/api/v1/feed").then().statusCode(200)
                .body("actions.actionId", org.hamcrest.Matchers.hasItem((int) after));
    }

    private JsonPath subscribe(String path, String secret) {
        Map<String, Object> body = secret == null
                ? Map.of("targetUrl", receiver.url(path), "description", "test " + path)
                : Map.of("targetUrl", receiver.url(path), "secret", secret);
        io.restassured.response.Response created = admin().body(body).post("/api/v1/subscriptions");
        created.then().statusCode(201);
        JsonPath answer = created.jsonPath();
        assertThat(created.header("Location")).endsWith("/api/v1/subscriptions/" + answer.getString("id"));
        subscriptions.add(answer.getString("id"));
        return answer;
    }

    private static void assertSigned(Receiver.Received event, String secret) throws Exception {
        Matcher m = SIGNATURE.matcher(event.header("X-StackRatings-Signature"));
        assertThat(m.matches()).as(event.header("X-StackRatings-Signature")).isTrue();
        long t = Long.parseLong(m.group(1));
        assertThat(t).isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(java.util.HexFormat.of().formatHex(mac.doFinal(event.body()))).isEqualTo(m.group(2));
    }
}

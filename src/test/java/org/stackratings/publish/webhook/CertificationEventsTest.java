package org.stackratings.publish.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.ApiTestSupport.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stackratings.certification.CertificationFixture;
import org.stackratings.certification.Certifier;
import org.stackratings.publish.ActionFixture;
import org.stackratings.publish.feed.FeedSequencer;
import org.stackratings.sandbox.MutableClock;

/**
 * Each certification change is a feed entry (beside the rating actions, one gap-free sequence) and a webhook event of
 * type {@code org.stackratings.certification.issued|renewed|restored|at_risk|lapsed}.
 */
@QuarkusTest
class CertificationEventsTest {

    @Inject
    FeedSequencer sequencer;
    @Inject
    DeliveryWorker worker;
    @Inject
    Certifier certifier;
    @Inject
    ObjectMapper json;

    private Receiver receiver;
    private String subscription;
    private MutableClock clock;
    private Instant t0;

    @BeforeEach
    void start() throws Exception {
        t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        clock = new MutableClock(t0);
        QuarkusMock.installMockForType(clock, Clock.class);
        receiver = Receiver.start();
        sequencer.sequenceAll(); // what other tests left behind is not for the subscription made here
    }

    @AfterEach
    void stop() {
        if (subscription != null) {
            admin().delete("/api/v1/subscriptions/" + subscription).then().statusCode(204);
        }
        receiver.close();
    }

    @Test
    void everyChangeIsAFeedEntryAndAWebhookEventOfItsType() throws Exception {
        subscription = admin().body(Map.of("targetUrl", receiver.url("/certs"))).post("/api/v1/subscriptions").then()
                .statusCode(201).extract().path("id");
        String start = admin().get("/api/v1/feed?limit=500").then().statusCode(200).extract().path("next");
        JsonPath head = admin().queryParam("since", start).get("/api/v1/feed").then().statusCode(200).extract().jsonPath();
        assertThat(head.getBoolean("more")).isFalse();
        start = head.getString("next");

        CertificationFixture.Member member = CertificationFixture.member("feed-cert");
        CertificationFixture.passing(member, t0);
        long action = ActionFixture.insertCommitted(ActionFixture.member("feed-cert-rated"), "A2");
        CertificationFixture.passing(member, t0.plusSeconds(60));
        CertificationFixture.failing(member, t0.plusSeconds(120), "compute-servers-create");
        CertificationFixture.passing(member, t0.plusSeconds(180));
        clock.set(t0.plusSeconds(180).plus(Duration.ofDays(8)));
        certifier.lapseDue();
        sequencer.sequenceAll();

        JsonPath page = admin().queryParam("since", start).get("/api/v1/feed").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> ours = page.<Map<String, Object>>getList("certifications").stream()
                .filter(c -> member.slug().equals(c.get("member"))).toList();
        assertThat(ours).extracting(c -> c.get("type")).containsExactly("org.stackratings.certification.issued",
                "org.stackratings.certification.renewed", "org.stackratings.certification.at_risk",
                "org.stackratings.certification.restored", "org.stackratings.certification.lapsed");
        assertThat(ours.get(2).get("failing")).isEqualTo(List.of("compute-servers-create"));
        assertThat(ours.get(2).get("guideline")).isEqualTo("2020.06");
        assertThat(((Map<?, ?>) ours.get(0).get("links")).get("certification"))
                .isEqualTo("/api/v1/certifications/" + member.slug());
        assertThat(page.getList("actions.actionId", Long.class)).contains(action);
        List<Long> sequences = new ArrayList<>(page.getList("actions.sequence", Long.class));
        sequences.addAll(page.getList("certifications.sequence", Long.class));
        long from = sequences.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(sequences.stream().sorted().toList()).as("actions and certifications together, without gaps")
                .isEqualTo(java.util.stream.LongStream.range(from, from + sequences.size()).boxed().toList());

        worker.deliverDue(clock.instant());
        List<JsonNode> events = new ArrayList<>();
        for (Receiver.Received r : receiver.received("/certs")) {
            events.add(json.readTree(r.body()));
        }
        List<JsonNode> certificationEvents = events.stream()
                .filter(e -> e.path("type").asText().startsWith("org.stackratings.certification."))
                .filter(e -> e.path("subject").asText().equals(member.slug())).toList();
        assertThat(certificationEvents).extracting(e -> e.path("type").asText()).containsExactly(
                "org.stackratings.certification.issued", "org.stackratings.certification.renewed",
                "org.stackratings.certification.at_risk", "org.stackratings.certification.restored",
                "org.stackratings.certification.lapsed");
        JsonNode issued = certificationEvents.get(0);
        assertThat(issued.path("id").asText()).isEqualTo("certification-event-" + issued.path("data").path("eventId").asLong());
        assertThat(issued.path("data").path("status").asText()).isEqualTo("CERTIFIED");
        assertThat(issued.path("data").path("expiresAt").asText()).isEqualTo(t0.plus(Duration.ofDays(7)).toString());
        assertThat(issued.path("sequence").asText()).hasSize(19);
        assertThat(events).extracting(e -> e.path("type").asText()).contains("org.stackratings.rating.action");
        assertThat(admin().get("/api/v1/subscriptions/" + subscription + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("items.eventId", String.class))
                .contains(issued.path("id").asText(), "rating-action-" + action);
    }
}

package org.stackratings.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.stackratings.ApiTestSupport;
import org.stackratings.member.MemberService;

/**
 * Two runs of one member that both see a service first (a manual run beside the first scheduled one) record its
 * presence in two transactions at once: the second waits for the first, and neither fails on the row the other wrote.
 */
@QuarkusTest
class ServicePresenceRaceTest {

    @Inject
    MeasurementStore store;
    @Inject
    MemberService members;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void twoTransactionsRecordingTheSameNewPresenceBothCommit() throws Exception {
        String slug = ApiTestSupport.createMember("presence-race");
        long memberId = members.memberId(slug).orElseThrow();
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            store.recordPresence(memberId, "volume", true, Instant.now());
            firstWrote.countDown();
            hold(release);
        }));
        assertThat(firstWrote.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            if (!"postgresql".equals(dbKind)) {
                em.createNativeQuery("set lock_timeout 30000").executeUpdate(); // H2's default is a second
            }
            store.recordPresence(memberId, "volume", false, Instant.now());
        }));
        await("the second transaction waits for the first one's row").atMost(Duration.ofSeconds(30))
                .until(() -> other.isDone() || waitingOnALock());
        release.countDown();

        first.get(30, TimeUnit.SECONDS);
        other.get(30, TimeUnit.SECONDS);
        Object present = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select present from service_presence where member_id = ?1 and service = 'volume'")
                .setParameter(1, memberId).getSingleResult());
        assertThat(present).as("the later run's view").isEqualTo(false);
    }

    /** Whether a session waits for another's lock: pg_stat_activity on PostgreSQL, on H2 a session blocked, or inside the insert (the first one's is done). */
    private boolean waitingOnALock() {
        String query = "postgresql".equals(dbKind)
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                : "select count(*) from information_schema.sessions where blocker_id is not null"
                        + " or session_state = 'BLOCKED' or lower(executing_statement) like 'insert into service_presence%'";
        Number waiting = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(query)
                .getSingleResult());
        return waiting.intValue() > 0;
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

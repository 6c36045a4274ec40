package org.stackratings.publish.feed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stackratings.publish.ActionFixture;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class FeedTest {

    @Inject
    FeedSequencer sequencer;
    @Inject
    FeedService feed;

    @Test
    void pagesFollowTheCursorAndAnswer304WhileNothingIsNew() {
        long member = ActionFixture.member("feed-etag");
        String start = settledCursor();
        long first = ActionFixture.insertCommitted(member, "Aa2");
        long second = ActionFixture.insertCommitted(member, "A1");
        sequencer.sequenceAll();

        Response page1 = org.stackratings.ApiTestSupport.admin().queryParam("since", start).queryParam("limit", 1).get("/api/v1/feed");
        page1.then().statusCode(200).header("Cache-Control", "no-cache")
                .body("actions", hasSize(1))
                .body("actions[0].actionId", equalTo((int) first))
                .body("actions[0].rating", equalTo("Aa2"))
                .body("actions[0].action", equalTo("ASSIGNED"))
                .body("actions[0].methodologyVersion", equalTo("test"))
                .body("actions[0].effectiveAt", equalTo("2026-11-01T10:00:00Z"))
                .body("actions[0].rationale.factors.availability", equalTo(97.5f))
                .body("actions[0].rationale.caps[0]", equalTo("AVAILABILITY_BELOW_THRESHOLD"))
                .body("actions[0].rationale.coverage", equalTo(0.96f))
                .body("more", equalTo(true))
                .body("links.next", equalTo("/api/v1/feed?since=" + page1.jsonPath().getString("next") + "&limit=1"));
        String etag1 = page1.header("ETag");
        assertThat(etag1).isNotBlank();
        org.stackratings.ApiTestSupport.admin().queryParam("since", start).queryParam("limit", 1).header("If-None-Match", etag1)
                .get("/api/v1/feed").then().statusCode(304).header("ETag", etag1);

        Response page2 = org.stackratings.ApiTestSupport.admin().queryParam("since", page1.jsonPath().getString("next")).queryParam("limit", 1).get("/api/v1/feed");
        page2.then().statusCode(200).body("actions[0].actionId", equalTo((int) second)).body("more", equalTo(false))
                .body("actions[0].sequence", equalTo(page1.jsonPath().getInt("actions[0].sequence") + 1));

        // The end of the feed: no actions, the same cursor back, 304 until something is published.
        String end = page2.jsonPath().getString("next");
        Response empty = org.stackratings.ApiTestSupport.admin().queryParam("since", end).get("/api/v1/feed");
        empty.then().statusCode(200).body("actions", hasSize(0)).body("next", equalTo(end)).body("more", equalTo(false));
        org.stackratings.ApiTestSupport.admin().queryParam("since", end).header("If-None-Match", empty.header("ETag"))
                .get("/api/v1/feed").then().statusCode(304);
        long third = ActionFixture.insertCommitted(member, "Baa1");
        org.stackratings.ApiTestSupport.admin().queryParam("since", end).header("If-None-Match", empty.header("ETag"))
                .get("/api/v1/feed").then().statusCode(304); // committed, not yet in the feed
        sequencer.sequenceAll();
        org.stackratings.ApiTestSupport.admin().queryParam("since", end).header("If-None-Match", empty.header("ETag"))
                .get("/api/v1/feed").then().statusCode(200).body("actions.actionId", org.hamcrest.Matchers.contains((int) third));
    }

    @Test
    void anActionThatCommitsAfterALaterOneIsStillPublished() throws Exception {
        long member = ActionFixture.member("feed-late");
        String start = settledCursor();
        try (HeldAction late = new HeldAction(member, "Aa1")) {
            long early = ActionFixture.insertCommitted(member, "Aa3");
            assertThat(early).as("the early commit has the higher id").isGreaterThan(late.id);
            sequencer.sequenceAll();
            JsonPath before = read(start);
            assertThat(before.getList("actions.actionId", Long.class)).containsExactly(early);

            late.commit();
            sequencer.sequenceAll();
            JsonPath after = read(before.getString("next"));
            assertThat(after.getList("actions.actionId", Long.class))
                    .as("an id-ordered feed would skip %d: it is below the cursor's last id", late.id)
                    .containsExactly(late.id);
            assertThat(after.getLong("actions[0].sequence")).isEqualTo(before.getLong("actions[0].sequence") + 1);
        }
    }

    @Test
    void theSequencerLooksBelowTheSettledIdOnlyInItsFullScans() throws Exception {
        long member = ActionFixture.member("feed-settle");
        String start = settledCursor();
        Instant t0 = Instant.now();
        try (HeldAction late = new HeldAction(member, "Ba1")) {
            long early = ActionFixture.insertCommitted(member, "Ba2");
            for (int minutes : new int[]{0, 11, 22}) { // two settle periods (10 min): the settled id passes both actions
                sequencer.sequenceAll(t0.plus(Duration.ofMinutes(minutes)));
            }
            late.commit(); // a transaction open far longer than the transaction timeout allows
            sequencer.sequenceAll(t0.plus(Duration.ofMinutes(23)));
            assertThat(read(start).getList("actions.actionId", Long.class)).containsExactly(early);
            sequencer.sequenceAll(t0.plus(Duration.ofMinutes(70))); // full scan (every hour)
            assertThat(read(start).getList("actions.actionId", Long.class)).containsExactly(early, late.id);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> { // forget the future instants of this test
                SequencerState state = SequencerState.findById(1);
                state.checkpointId = state.scanFrom;
                state.checkpointAt = null;
                state.fullScanAt = null;
            });
        }
    }

    @Test
    void concurrentWritersTwoSequencersAndAPollingReaderSeeEveryActionExactlyOnce() throws Exception {
        long member = ActionFixture.member("feed-concurrent");
        String start = settledCursor();
        long startPosition = FeedCursor.parse(start).position();
        int writers = 4;
        int perWriter = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<Long> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> writing4 = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                writing4.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        written.add(QuarkusTransaction.requiringNew().call(() -> {
                            long id = ActionFixture.insert(member, "Baa2");
                            sleep(ThreadLocalRandom.current().nextInt(4)); // commit later than writers that started after
                            return id;
                        }));
                    }
                }));
            }
            List<Future<?>> sequencing = new ArrayList<>();
            for (int s = 0; s < 2; s++) { // two sequencers, as two instances of a cluster would run
                sequencing.add(pool.submit(() -> {
                    while (writing.get()) {
                        sequencer.sequenceAll();
                        sleep(1);
                    }
                }));
            }
            List<Long> sequences = new ArrayList<>();
            List<Long> ours = new ArrayList<>();
            String cursor = start;
            int reads = 0;
            while (true) {
                boolean done = writing4.stream().allMatch(Future::isDone);
                if (done && writing.getAndSet(false)) {
                    for (Future<?> s : sequencing) {
                        s.get(30, TimeUnit.SECONDS);
                    }
                    sequencer.sequenceAll();
                }
                JsonPath page = org.stackratings.ApiTestSupport.admin().queryParam("since", cursor).queryParam("limit", 7).get("/api/v1/feed")
                        .then().statusCode(200).extract().jsonPath();
                reads++;
                sequences.addAll(page.getList("actions.sequence", Long.class));
                List<String> members = page.getList("actions.member", String.class);
                List<Long> ids = page.getList("actions.actionId", Long.class);
                for (int i = 0; i < ids.size(); i++) {
                    if (members.get(i).startsWith("feed-concurrent")) {
                        ours.add(ids.get(i));
                    }
                }
                cursor = page.getString("next");
                if (!writing.get() && !page.getBoolean("more")) {
                    break;
                }
            }
            for (Future<?> w : writing4) {
                w.get();
            }
            assertThat(written).hasSize(writers * perWriter);
            assertThat(ours).as("each action once").doesNotHaveDuplicates().hasSize(written.size());
            assertThat(new HashSet<>(ours)).isEqualTo(written);
            assertThat(sequences).as("positions without gaps, in order")
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(startPosition + 1, startPosition + sequences.size()).boxed().toList());
            assertThat(reads).isGreaterThan(1);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void badCursorsAndLimitsAreProblems() {
        String ahead = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:" + (feed.head() + 1000)).getBytes(StandardCharsets.UTF_8));
        for (String since : new String[]{"not-a-cursor!", "djE6eA", ahead}) {
            org.stackratings.ApiTestSupport.admin().queryParam("since", since).get("/api/v1/feed").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:stackratings:problem:bad-request"));
        }
        for (String limit : new String[]{"0", "501"}) {
            org.stackratings.ApiTestSupport.admin().queryParam("limit", limit).get("/api/v1/feed").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("limit"));
        }
        org.stackratings.ApiTestSupport.admin().queryParam("limit", "many").get("/api/v1/feed").then().statusCode(404);
    }

    /** Sequences whatever other tests left unsequenced and returns the cursor at the end of the feed. */
    private String settledCursor() {
        sequencer.sequenceAll();
        return new FeedCursor(feed.head()).encode();
    }

    private static JsonPath read(String since) {
        return org.stackratings.ApiTestSupport.admin().queryParam("since", since).get("/api/v1/feed").then().statusCode(200).extract().jsonPath();
    }

    /** An action inserted in a transaction that another thread holds open until {@link #commit()}. */
    private static final class HeldAction implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final ExecutorService writer = Executors.newSingleThreadExecutor();
        private final Future<?> committed;
        final long id;

        HeldAction(long member, String notch) throws InterruptedException {
            CountDownLatch inserted = new CountDownLatch(1);
            AtomicLong inserting = new AtomicLong();
            committed = writer.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                inserting.set(ActionFixture.insert(member, notch));
                inserted.countDown();
                await(release);
            }));
            assertThat(inserted.await(10, TimeUnit.SECONDS)).as("the held action was inserted").isTrue();
            id = inserting.get();
        }

        void commit() throws Exception {
            release.countDown();
            committed.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            release.countDown();
            writer.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

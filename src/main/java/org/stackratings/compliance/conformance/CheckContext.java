package org.stackratings.compliance.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.stackratings.compliance.Evidence;
import org.stackratings.openstack.ApiAnswer;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudCallException;
import org.stackratings.openstack.CloudSession;
import org.stackratings.openstack.RunDeadline;

/**
 * What a check works with: the session, the run's marker, ledger and shared {@link Fixture}, the member's choices, and
 * the calls, each recorded as evidence of the capability being checked (its method and path, status, time and what was
 * expected). A call whose status is not one expected fails the check ({@link CheckFailed}); a server error the call did
 * not expect is retried once first, since it says the cloud was unavailable, which availability counts, not
 * conformance.
 */
public final class CheckContext {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_POLL = Duration.ofMillis(500);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(5);

    private final CloudSession session;
    private final RunMarker marker;
    private final ResourceLedger ledger;
    private final MemberChoices choices;
    private final Duration longestWait;
    private final Pause pause;
    private final RunDeadline deadline;
    private final Fixture fixture;
    private List<Evidence> evidence = new ArrayList<>();

    CheckContext(CloudSession session, RunMarker marker, ResourceLedger ledger, MemberChoices choices,
                 Duration longestWait, Pause pause, RunDeadline deadline) {
        this.session = session;
        this.marker = marker;
        this.ledger = ledger;
        this.choices = choices;
        this.longestWait = longestWait;
        this.pause = pause;
        this.deadline = deadline;
        this.fixture = new Fixture(this);
    }

    /** The run's session with the member's cloud. */
    public CloudSession session() {
        return session;
    }

    /** The run's marks, to name and mark what a check creates. */
    public RunMarker marker() {
        return marker;
    }

    /** What the run created and has not deleted yet. */
    public ResourceLedger ledger() {
        return ledger;
    }

    /** What the member chose for the run. */
    public MemberChoices choices() {
        return choices;
    }

    /** What several checks share (keypair, server, volume), made when first needed. */
    public Fixture fixture() {
        return fixture;
    }

    /** Makes the call; fails the check unless the cloud answers one of {@code statuses}. */
    public ApiAnswer expect(ApiCall call, String expected, int... statuses) {
        return expect(call, expected, answer -> { }, statuses);
    }

    /**
     * {@link #expect(ApiCall, String, int...)}, and when the answer is wrong, {@code wrongAnswer} sees it before the
     * check fails (a request the cloud should have refused but accepted: the check registers what it created).
     */
    public ApiAnswer expect(ApiCall call, String expected, java.util.function.Consumer<ApiAnswer> wrongAnswer,
                     int... statuses) {
        String expectation = expectation(expected, statuses);
        ApiAnswer answer = send(call, expectation);
        if (answer.status() >= 500 && !contains(statuses, answer.status())) {
            record(call, answer, expectation, "answered HTTP " + answer.status()
                    + "; retried once (availability counts server errors, not conformance)");
            answer = send(call, expectation);
        }
        if (!contains(statuses, answer.status())) {
            String problem = "answered HTTP " + answer.status();
            record(call, answer, expectation, problem);
            wrongAnswer.accept(answer);
            throw new CheckFailed(call.describe() + ": " + problem + ", expected " + expectation);
        }
        record(call, answer, expectation, null);
        return answer;
    }

    /** Records an answer the session obtained itself (a second token, say); fails unless its status is expected. */
    public void recordAnswer(String call, ApiAnswer answer, String expected, int... statuses) {
        String expectation = expectation(expected, statuses);
        String problem = contains(statuses, answer.status()) ? null : "answered HTTP " + answer.status();
        evidence.add(new Evidence(call, answer.url(), answer.status(), expectation, problem,
                problem == null ? null : answer.excerpt(), Math.round(answer.durationMs() * 1000.0) / 1000.0));
        if (problem != null) {
            throw new CheckFailed(call + ": " + problem + ", expected " + expectation);
        }
    }

    /** {@link #expect}, and the answer's body as JSON (a body that is not JSON fails the check). */
    public JsonNode expectJson(ApiCall call, String expected, int... statuses) {
        return json(expect(call, expected, statuses));
    }

    /** Fails the check with {@code problem} (marked on the last call's evidence) unless {@code condition} holds. */
    public void require(boolean condition, String problem) {
        if (condition) {
            return;
        }
        if (!evidence.isEmpty()) {
            Evidence last = evidence.remove(evidence.size() - 1);
            evidence.add(new Evidence(last.call(), last.url(), last.status(), last.expected(),
                    last.problem() == null ? problem : last.problem() + "; " + problem, last.excerpt(), last.durationMs()));
        }
        throw new CheckFailed(problem);
    }

    /**
     * Polls {@code show} (a GET that must answer 200) until {@code done} holds for its body; fails when
     * {@code failed} holds first, or when neither did within the longest wait. Only the first and last polls are kept
     * as evidence (with how many were made).
     */
    public JsonNode await(ApiCall show, String expected, Predicate<JsonNode> done, Predicate<JsonNode> failed) {
        long until = System.nanoTime() + longestWait.toNanos();
        Duration next = FIRST_POLL;
        int polls = 0;
        int kept = evidence.size();
        while (true) {
            JsonNode body = expectJson(show, expected, 200);
            polls++;
            if (polls > 2) {
                evidence.remove(kept + 1);
            }
            if (done.test(body)) {
                return body;
            }
            if (failed.test(body)) {
                require(false, expected + ": the state reached is a failure (after " + polls + " polls)");
            }
            if (System.nanoTime() > until || deadline.passed()) {
                require(false, expected + ": not reached within " + longestWait.toSeconds() + " s (" + polls + " polls)");
            }
            rest(next);
            next = next.multipliedBy(3).dividedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL
                    : next.multipliedBy(3).dividedBy(2);
        }
    }

    /** Polls {@code show} until it answers 404; fails when it still answers 200 after the longest wait. */
    public void awaitGone(ApiCall show, String expected) {
        long until = System.nanoTime() + longestWait.toNanos();
        Duration next = FIRST_POLL;
        int polls = 0;
        int kept = evidence.size();
        while (true) {
            ApiAnswer answer = expect(show, expected, 200, 404);
            polls++;
            if (polls > 2) {
                evidence.remove(kept + 1);
            }
            if (answer.status() == 404) {
                return;
            }
            if (System.nanoTime() > until || deadline.passed()) {
                require(false, expected + ": still there after " + longestWait.toSeconds() + " s (" + polls + " polls)");
            }
            rest(next);
            next = next.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : next.multipliedBy(2);
        }
    }

    /** The evidence recorded since the last call of this method (one capability's). */
    List<Evidence> takeEvidence() {
        List<Evidence> taken = evidence;
        evidence = new ArrayList<>();
        return taken;
    }

    /** The answer's body as JSON; a body that is empty or not JSON fails the check. */
    public static JsonNode json(ApiAnswer answer) {
        try {
            JsonNode body = answer.body() == null || answer.body().isEmpty() ? null : JSON.readTree(answer.body());
            if (body == null) {
                throw new CheckFailed("the answer to " + answer.url() + " has no JSON body");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new CheckFailed("the answer is not JSON");
        }
    }

    /** A JSON string literal of {@code text} (names and values the run sends). */
    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }

    private ApiAnswer send(ApiCall call, String expectation) {
        try {
            return session.call(call);
        } catch (CloudCallException e) {
            evidence.add(new Evidence(call.describe(), null, e.httpStatus(), expectation,
                    org.stackratings.compliance.ComplianceProbe.failureInWords(e), e.getMessage(), 0));
            throw e;
        }
    }

    private void record(ApiCall call, ApiAnswer answer, String expectation, String problem) {
        evidence.add(new Evidence(call.describe(), answer.url(), answer.status(), expectation, problem,
                problem == null ? null : answer.excerpt(), Math.round(answer.durationMs() * 1000.0) / 1000.0));
    }

    private void rest(Duration duration) {
        try {
            pause.pause(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStopped();
        }
    }

    private static boolean contains(int[] statuses, int status) {
        return Arrays.stream(statuses).anyMatch(s -> s == status);
    }

    private static String expectation(String expected, int[] statuses) {
        return expected + " (HTTP " + Arrays.stream(statuses).mapToObj(String::valueOf).collect(Collectors.joining(" or "))
                + ")";
    }
}

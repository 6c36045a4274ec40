package org.stackratings.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.Outcome;
import org.stackratings.measurement.RunStatus;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.member.MemberAccount;
import org.stackratings.openstack.ApiAnswer;
import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CallLimits;
import org.stackratings.openstack.CloudAccount;
import org.stackratings.openstack.CloudCallException;
import org.stackratings.openstack.CloudClient;
import org.stackratings.openstack.CloudFailure;
import org.stackratings.openstack.CloudSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code compliance} probe: for each required capability of the guideline, run its check (or report
 * NOT_CHECKED) and store one measurement {@code compliance.<capability>} plus the latest result with its evidence.
 */
@ApplicationScoped
public class ComplianceProbe {

    public static final String NAME = "compliance";
    private static final String TOKEN_ISSUE = "identity.token.issue";
    private static final Logger LOG = Logger.getLogger(ComplianceProbe.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudClient client;
    private final GuidelineCatalog catalog;
    private final MeasurementStore store;
    private final ComplianceConfig config;
    private final Clock clock;

    public ComplianceProbe(CloudClient client, GuidelineCatalog catalog, MeasurementStore store, ComplianceConfig config, Clock clock) {
        this.client = client;
        this.catalog = catalog;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** One result per capability, ready to store. */
    record CapabilityResult(String capability, CapabilityStatus status, List<Evidence> evidence, OperationResult measurement) {
    }

    /** Opens a run; {@link #execute} fills it on a worker, {@link #finish} stores it. */
    public ComplianceRun start(MemberAccount member, RunTrigger trigger) {
        UUID runId = store.startRun(member.memberId(), NAME, trigger);
        return new ComplianceRun(runId, member.slug(), catalog.guideline(), clock);
    }

    /** The run's deadline: capabilities not reached by then are NOT_CHECKED. */
    public Duration runDeadline() {
        return config.runDeadline();
    }

    /** Authenticates and runs each required capability's check, until the run is stopped or its deadline passes. */
    public void execute(ComplianceRun run, CloudAccount account, CallLimits limits) {
        Instant authStart = clock.instant();
        long authNanos = System.nanoTime();
        CloudSession session;
        try {
            session = client.authenticate(account, limits);
        } catch (CloudCallException e) {
            run.authenticated(new OperationResult(TOKEN_ISSUE, authStart, ms(authNanos),
                    e.failure() == CloudFailure.TIMEOUT ? Outcome.TIMEOUT : e.failure() == CloudFailure.AGENCY_FAULT
                            ? Outcome.INCONCLUSIVE : Outcome.ERROR, e.httpStatus(), e.failure().name(), e.getMessage()));
            return;
        }
        for (Guideline.Capability capability : run.guideline().required()) {
            if (run.stopped() || limits.deadline().passed()) {
                return;
            }
            run.begin(capability.name());
            run.add(check(capability, session));
        }
    }

    /** Stores what the run found; returns its id. */
    public UUID finish(ComplianceRun run) {
        Optional<OperationResult> authFailure = run.authentication();
        if (authFailure.isPresent()) {
            store.finishRun(run.runId(), run.slug(), RunStatus.COMPLETED, "authentication failed; no capability checked",
                    List.of(authFailure.get()));
            return run.runId();
        }
        List<CapabilityResult> results = run.results();
        store.finishCompliance(run.runId(), run.slug(), run.guideline().id(), summary(results), results.stream().map(r ->
                new MeasurementStore.ComplianceRecord(r.capability(), r.status().name(), toJson(r.evidence()), r.measurement())).toList());
        return run.runId();
    }

    private CapabilityResult check(Guideline.Capability capability, CloudSession session) {
        String operation = "compliance." + capability.name();
        Instant started = clock.instant();
        long nanos = System.nanoTime();
        var checks = CapabilityChecks.find(capability.name());
        if (checks.isEmpty()) {
            return new CapabilityResult(capability.name(), CapabilityStatus.NOT_CHECKED, List.of(),
                    new OperationResult(operation, started, 0, Outcome.INCONCLUSIVE, null, "NotChecked",
                            "NOT_CHECKED: the agency has no check for this capability yet (docs/compliance.md)"));
        }
        try {
            return check(capability, session, checks.get(), operation, started, nanos);
        } catch (RuntimeException e) {
            // the agency's own check failed (a bug, not the cloud): it counts for nothing
            LOG.errorf(e, "compliance check %s failed inside the agency", capability.name());
            return new CapabilityResult(capability.name(), CapabilityStatus.NOT_CHECKED, List.of(),
                    new OperationResult(operation, started, ms(nanos), Outcome.INCONCLUSIVE, null, e.getClass().getSimpleName(),
                            "NOT_CHECKED: the agency's check failed: " + e.getClass().getSimpleName()));
        }
    }

    private CapabilityResult check(Guideline.Capability capability, CloudSession session, List<Expectation> checks,
                                   String operation, Instant started, long nanos) {
        List<Evidence> evidence = new ArrayList<>();
        Outcome outcome = Outcome.OK;
        Integer failedStatus = null;
        for (Expectation expectation : checks) {
            ApiCall call = expectation.call().apply(session);
            String expected = "HTTP " + expectation.statuses().stream().sorted().map(String::valueOf)
                    .reduce((a, b) -> a + " or " + b).orElse("?");
            try {
                ApiAnswer answer = session.call(call);
                if (answer.status() >= 500 && !expectation.statuses().contains(answer.status())) {
                    // a server error says the cloud was unavailable, not that its API contract is wrong: ask once more
                    evidence.add(new Evidence(call.describe(), answer.url(), answer.status(), expected,
                            "answered HTTP " + answer.status() + "; retried once (availability counts server errors, not compliance)",
                            answer.excerpt(), round(answer.durationMs())));
                    answer = session.call(call);
                }
                String problem = problem(expectation, answer);
                evidence.add(new Evidence(call.describe(), answer.url(), answer.status(), expected, problem,
                        problem == null ? null : answer.excerpt(), round(answer.durationMs())));
                if (problem != null && outcome == Outcome.OK) {
                    outcome = Outcome.ERROR;
                    failedStatus = answer.status();
                }
            } catch (CloudCallException e) {
                // the agency's words for what went wrong; the details (host names, the cloud's text) stay member-private
                evidence.add(new Evidence(call.describe(), null, e.httpStatus(), expected, failureInWords(e),
                        e.getMessage(), 0));
                if (outcome == Outcome.OK) {
                    outcome = e.failure() == CloudFailure.TIMEOUT ? Outcome.TIMEOUT : Outcome.ERROR;
                    failedStatus = e.httpStatus();
                }
            }
        }
        CapabilityStatus status = outcome == Outcome.OK ? CapabilityStatus.PASS : CapabilityStatus.FAIL;
        String detail = status == CapabilityStatus.PASS ? "PASS" : "FAIL: " + evidence.stream()
                .filter(e -> e.problem() != null).map(e -> e.call() + " → " + e.problem()).reduce((a, b) -> a + "; " + b).orElse("");
        return new CapabilityResult(capability.name(), status, evidence, new OperationResult(operation, started, ms(nanos),
                outcome, failedStatus, status == CapabilityStatus.PASS ? null : "CapabilityFailed", detail));
    }

    private static String problem(Expectation expectation, ApiAnswer answer) {
        if (!expectation.statuses().contains(answer.status())) {
            return "answered HTTP " + answer.status();
        }
        if (expectation.bodyCheck() == null) {
            return null;
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body == null ? "the answer has no JSON body" : expectation.bodyCheck().apply(body);
        } catch (JsonProcessingException e) {
            return "the answer is not JSON";
        }
    }

    public static String failureInWords(CloudCallException e) {
        return switch (e.failure()) {
            case SERVICE_MISSING -> e.getMessage(); // the agency's own words: which service the catalog lacks
            case UNAUTHORIZED -> "the cloud refused the agency's token";
            case HTTP_ERROR -> "the cloud answered with an error status";
            case TIMEOUT -> "no answer in time";
            case CONNECTION_FAILED -> "the connection failed";
            case ENDPOINT_NOT_ALLOWED -> "the endpoint is not one the agency may call for this member; nothing was sent";
            case REDIRECT_REFUSED -> "the cloud answered with a redirect, which the agency does not follow";
            case ANSWER_TOO_LARGE -> "the answer was larger than the agency reads";
            case MALFORMED_RESPONSE -> "the answer is not valid OpenStack data";
            case AGENCY_FAULT -> "the agency's client failed";
        };
    }

    private static String summary(List<CapabilityResult> results) {
        StringBuilder summary = new StringBuilder();
        for (CapabilityStatus status : CapabilityStatus.values()) {
            long n = results.stream().filter(r -> r.status() == status).count();
            summary.append(n).append(' ').append(status.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(", ");
        }
        return summary.substring(0, summary.length() - 2);
    }

    private static String toJson(List<Evidence> evidence) {
        try {
            return JSON.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise evidence", e);
        }
    }

    private static double ms(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000.0;
    }

    private static double round(double ms) {
        return Math.round(ms * 1000.0) / 1000.0;
    }
}

package org.stackratings.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The {@code compliance} probe: for each required capability of the guideline, run its check (or report
 * NOT_CHECKED) and store one measurement {@code compliance.<capability>} plus the latest result with its evidence.
 */
@ApplicationScoped
public class ComplianceProbe {

    public static final String NAME = "compliance";
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

    /** Runs every check against the member and stores the results; returns the run id. */
    public UUID run(MemberAccount member, CloudAccount account, CallLimits limits, RunTrigger trigger) {
        UUID runId = store.startRun(member.memberId(), NAME, trigger);
        Guideline guideline = catalog.guideline();
        List<CapabilityResult> results = new ArrayList<>();
        Instant authStart = clock.instant();
        long authNanos = System.nanoTime();
        CloudSession session;
        try {
            session = client.authenticate(account, limits);
        } catch (CloudCallException e) {
            OperationResult failed = new OperationResult("identity.token.issue", authStart, ms(authNanos),
                    e.failure() == CloudFailure.TIMEOUT ? Outcome.TIMEOUT : e.failure() == CloudFailure.AGENCY_FAULT
                            ? Outcome.INCONCLUSIVE : Outcome.ERROR, e.httpStatus(), e.failure().name(), e.getMessage());
            store.finishRun(runId, member.slug(), RunStatus.COMPLETED, "authentication failed; no capability checked", List.of(failed));
            return runId;
        }
        long deadline = System.nanoTime() + config.runDeadline().toNanos();
        for (Guideline.Capability capability : guideline.required()) {
            results.add(check(capability, session, deadline));
        }
        store.finishCompliance(runId, member.slug(), guideline.id(), summary(results), results.stream().map(r ->
                new MeasurementStore.ComplianceRecord(r.capability(), r.status().name(), toJson(r.evidence()), r.measurement())).toList());
        return runId;
    }

    private CapabilityResult check(Guideline.Capability capability, CloudSession session, long deadline) {
        String operation = "compliance." + capability.name();
        Instant started = clock.instant();
        long nanos = System.nanoTime();
        var checks = CapabilityChecks.find(capability.name());
        if (checks.isEmpty() || System.nanoTime() > deadline) {
            String why = checks.isEmpty() ? "NOT_CHECKED: the agency has no check for this capability yet (docs/compliance.md)"
                    : "NOT_CHECKED: the run deadline of " + config.runDeadline() + " passed before this capability";
            return new CapabilityResult(capability.name(), CapabilityStatus.NOT_CHECKED, List.of(),
                    new OperationResult(operation, started, 0, Outcome.INCONCLUSIVE, null, "NotChecked", why));
        }
        List<Evidence> evidence = new ArrayList<>();
        Outcome outcome = Outcome.OK;
        Integer failedStatus = null;
        for (Expectation expectation : checks.get()) {
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
                evidence.add(new Evidence(call.describe(), null, e.httpStatus(), expected, e.getMessage(), null, 0));
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

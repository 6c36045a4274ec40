package org.stackratings.compliance;

import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.Outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What one compliance run has found so far. A probe worker writes it ({@link ComplianceProbe#execute}); the thread
 * waiting for the run reads it, also when it stops waiting at the run's deadline ({@link #abandon}), after which
 * the worker's later results are dropped. Every method is synchronized.
 */
public final class ComplianceRun {

    private final UUID runId;
    private final String slug;
    private final Guideline guideline;
    private final Clock clock;
    private final Map<String, ComplianceProbe.CapabilityResult> results = new LinkedHashMap<>();
    private OperationResult authentication;
    private String inFlight;
    private Instant inFlightSince;
    private long inFlightNanos;
    private boolean stopped;
    private String stopReason;

    ComplianceRun(UUID runId, String slug, Guideline guideline, Clock clock) {
        this.runId = runId;
        this.slug = slug;
        this.guideline = guideline;
        this.clock = clock;
    }

    public UUID runId() {
        return runId;
    }

    String slug() {
        return slug;
    }

    Guideline guideline() {
        return guideline;
    }

    synchronized boolean stopped() {
        return stopped;
    }

    synchronized void authenticated(OperationResult result) {
        if (!stopped) {
            authentication = result;
        }
    }

    synchronized Optional<OperationResult> authentication() {
        return Optional.ofNullable(authentication);
    }

    synchronized Instant begin(String capability) {
        inFlight = capability;
        inFlightSince = clock.instant();
        inFlightNanos = System.nanoTime();
        return inFlightSince;
    }

    synchronized void add(ComplianceProbe.CapabilityResult result) {
        if (!stopped) {
            results.put(result.capability(), result);
        }
        inFlight = null;
    }

    /** The run's deadline passed: the capability in flight FAILs with TIMEOUT; those not reached are NOT_CHECKED. */
    public synchronized void abandon(Duration deadline) {
        stop(Outcome.TIMEOUT, CapabilityStatus.FAIL, "RunDeadlineExceeded",
                "no answer before the run deadline of " + deadline, "NOT_CHECKED: the run deadline of " + deadline + " passed before this capability");
    }

    /** The agency failed (or stopped): the capability in flight and those not reached are NOT_CHECKED, INCONCLUSIVE. */
    public synchronized void agencyFailed(String errorClass, String detail) {
        stop(Outcome.INCONCLUSIVE, CapabilityStatus.NOT_CHECKED, errorClass, detail, "NOT_CHECKED: " + detail);
    }

    private void stop(Outcome inFlightOutcome, CapabilityStatus inFlightStatus, String errorClass, String inFlightDetail, String notReached) {
        if (stopped) {
            return;
        }
        stopped = true;
        stopReason = notReached;
        if (inFlight != null) {
            String operation = "compliance." + inFlight;
            double ms = (System.nanoTime() - inFlightNanos) / 1_000_000.0;
            results.put(inFlight, new ComplianceProbe.CapabilityResult(inFlight, inFlightStatus, List.of(),
                    new OperationResult(operation, inFlightSince, ms, inFlightOutcome, null, errorClass,
                            (inFlightStatus == CapabilityStatus.FAIL ? "FAIL: " : "NOT_CHECKED: ") + inFlightDetail)));
            inFlight = null;
        }
    }

    /** One result per required capability, in the guideline's order: those not reached are NOT_CHECKED. */
    synchronized List<ComplianceProbe.CapabilityResult> results() {
        List<ComplianceProbe.CapabilityResult> all = new ArrayList<>();
        for (Guideline.Capability capability : guideline.required()) {
            ComplianceProbe.CapabilityResult result = results.get(capability.name());
            all.add(result != null ? result : new ComplianceProbe.CapabilityResult(capability.name(), CapabilityStatus.NOT_CHECKED,
                    List.of(), new OperationResult("compliance." + capability.name(), clock.instant(), 0, Outcome.INCONCLUSIVE,
                    null, "NotChecked", stopReason != null ? stopReason : "NOT_CHECKED: the run ended before this capability")));
        }
        return all;
    }
}

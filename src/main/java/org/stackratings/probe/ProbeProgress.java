package org.stackratings.probe;

import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.Outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a probe run has done so far. The probe thread writes it; the thread waiting for the run reads it,
 * also when the run is abandoned at its deadline, so every method is synchronized.
 */
final class ProbeProgress {

    private final Clock clock;
    private final List<OperationResult> results = new ArrayList<>();
    private final Map<String, Boolean> presence = new LinkedHashMap<>();
    private String inFlight;
    private Instant inFlightSince;
    private long inFlightNanos;
    private boolean abandoned;

    ProbeProgress(Clock clock) {
        this.clock = clock;
    }

    synchronized Instant begin(String operation) {
        inFlight = operation;
        inFlightSince = clock.instant();
        inFlightNanos = System.nanoTime();
        return inFlightSince;
    }

    /** Elapsed milliseconds of the operation in flight. */
    synchronized double elapsedMs() {
        return (System.nanoTime() - inFlightNanos) / 1_000_000.0;
    }

    synchronized void add(OperationResult result) {
        if (!abandoned) {
            results.add(result);
        }
        inFlight = null;
    }

    synchronized void presence(String service, boolean present) {
        presence.put(service, present);
    }

    /** Closes the run at its deadline: the operation in flight becomes TIMEOUT, later results are dropped. */
    synchronized void abandon(Duration deadline) {
        if (inFlight != null) {
            results.add(new OperationResult(inFlight, inFlightSince, elapsedMs(), Outcome.TIMEOUT, null,
                    "RunDeadlineExceeded", inFlight + ": no answer before the run deadline of " + deadline));
        }
        abandoned = true;
        inFlight = null;
    }

    /** Closes the run after the agency itself failed: the operation in flight becomes INCONCLUSIVE. */
    synchronized void agencyFailed(String errorClass, String detail) {
        if (inFlight != null) {
            results.add(new OperationResult(inFlight, inFlightSince, elapsedMs(), Outcome.INCONCLUSIVE, null,
                    errorClass, detail));
        }
        abandoned = true;
        inFlight = null;
    }

    synchronized List<OperationResult> results() {
        return List.copyOf(results);
    }

    synchronized Map<String, Boolean> presence() {
        return Map.copyOf(presence);
    }
}

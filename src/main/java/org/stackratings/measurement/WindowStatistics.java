package org.stackratings.measurement;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the measurements of one member say over one window: the input of the scorecard.
 *
 * @param firstRunAt    when the member's first api run started (its measured history begins), null if never
 * @param measuredRuns  api runs in the window that measured something (not INCONCLUSIVE)
 * @param operations    per operation: outcome counts and latency percentiles of OK calls
 * @param missingServices services the member's catalog does not offer
 * @param lifecycle     per lifecycle operation ({@code compute.server.*}): outcome counts and percentiles
 * @param compliance    the latest compliance result per capability, summarised (null before the first run)
 */
public record WindowStatistics(Instant from, Instant to, Instant firstRunAt, long measuredRuns,
                               Map<String, OperationStatistics> operations, List<String> missingServices,
                               Map<String, OperationStatistics> lifecycle, ComplianceSummary compliance) {

    public WindowStatistics(Instant from, Instant to, Instant firstRunAt, long measuredRuns,
                            Map<String, OperationStatistics> operations, List<String> missingServices) {
        this(from, to, firstRunAt, measuredRuns, operations, missingServices, Map.of(), null);
    }

    /** Capabilities of the guideline that passed, failed, or were not checked in the latest compliance run. */
    public record ComplianceSummary(String guideline, long passed, long failed, long notChecked, Instant checkedAt,
                                    List<String> failedCapabilities) {
    }

    /** Outcome counts of one operation, and latency percentiles (ms) of its OK calls (null without any). */
    public record OperationStatistics(String operation, long ok, long error, long timeout, long inconclusive,
                                      Double p50, Double p95, Double p99) {

        /** Calls that say something about the member. */
        public long counted() {
            return ok + error + timeout;
        }
    }
}

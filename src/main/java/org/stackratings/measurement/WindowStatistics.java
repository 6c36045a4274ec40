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
 */
public record WindowStatistics(Instant from, Instant to, Instant firstRunAt, long measuredRuns,
                               Map<String, OperationStatistics> operations, List<String> missingServices) {

    /** Outcome counts of one operation, and latency percentiles (ms) of its OK calls (null without any). */
    public record OperationStatistics(String operation, long ok, long error, long timeout, long inconclusive,
                                      Double p50, Double p95, Double p99) {

        /** Calls that say something about the member. */
        public long counted() {
            return ok + error + timeout;
        }
    }
}

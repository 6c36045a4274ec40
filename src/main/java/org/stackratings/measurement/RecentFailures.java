package org.stackratings.measurement;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** A member's latest failed measurements (ERROR or TIMEOUT, not the agency's own INCONCLUSIVE), newest first. */
@ApplicationScoped
@Transactional
public class RecentFailures {

    /** At most {@code limit} failures that started in [{@code from}, {@code to}), with their error detail. */
    public List<MeasurementView> latest(long memberId, String memberSlug, Instant from, Instant to, int limit) {
        return Measurement.<Measurement>find("memberId = ?1 and startedAt >= ?2 and startedAt < ?3 and outcome in ?4",
                        Sort.descending("startedAt", "id"), memberId, from, to, List.of(Outcome.ERROR, Outcome.TIMEOUT))
                .range(0, limit - 1).list().stream().map(m -> MeasurementView.of(memberSlug, m)).toList();
    }
}

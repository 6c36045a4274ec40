package org.stackratings.rating;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.stackratings.measurement.MeasurementQuery;
import org.stackratings.member.MemberService;
import org.stackratings.member.MemberStatusView;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads current ratings for publication. */
@ApplicationScoped
@Transactional
public class RatingService {

    /** Filters and order of the public rating list. */
    public record ListQuery(Notch minRating, String region, boolean assuredOnly, Sort sort) {
    }

    public enum Sort {
        RATING,
        NAME
    }

    private final MemberService members;
    private final MeasurementQuery measurements;
    private final ObjectMapper json;

    public RatingService(MemberService members, MeasurementQuery measurements, ObjectMapper json) {
        this.members = members;
        this.measurements = measurements;
        this.json = json;
    }

    public List<CurrentRating> list(ListQuery query) {
        Map<Long, Rating> ratings = Rating.<Rating>listAll().stream()
                .collect(Collectors.toMap(r -> r.memberId, Function.identity()));
        Comparator<CurrentRating> order = query.sort() == Sort.NAME
                ? Comparator.comparing(CurrentRating::member)
                : Comparator.comparing((CurrentRating r) -> r.rating().ordinal())
                .thenComparing(r -> r.score() == null ? 0.0 : -r.score())
                .thenComparing(CurrentRating::member);
        return members.allStatuses().stream()
                .filter(m -> query.region() == null || query.region().equalsIgnoreCase(m.region()))
                .map(m -> toCurrent(m, ratings.get(m.id())))
                .filter(r -> query.minRating() == null
                        || r.rating().isRated() && r.rating().ordinal() <= query.minRating().ordinal())
                .filter(r -> !query.assuredOnly() || r.rating().isAssured())
                .sorted(order)
                .toList();
    }

    public Optional<CurrentRating> find(String slug) {
        return members.status(slug).map(m -> toCurrent(m, Rating.findById(m.id())));
    }

    private CurrentRating toCurrent(MemberStatusView m, Rating r) {
        List<String> missing = measurements.missingServices(m.id());
        if (r == null) {
            Notch notch = m.withdrawn() ? Notch.WR : Notch.NR;
            return new CurrentRating(m.slug(), m.displayName(), m.region(), notch, false, null, notch, List.of(),
                    List.of(), null, m.withdrawn() ? "member withdrawn" : "not rated yet", null,
                    null, null, null, null, missing);
        }
        ScorecardResult result = fromJson(r.rationale);
        Notch notch = Notch.fromSymbol(r.notch).orElseThrow();
        return new CurrentRating(m.slug(), m.displayName(), m.region(), notch, notch.isAssured(), r.score,
                result.scorecardNotch(), result.factors(), result.caps(), result.coverage(), result.notRatedReason(),
                r.methodologyVersion, r.windowStart, r.windowEnd, r.effectiveSince, r.computedAt, missing);
    }

    private ScorecardResult fromJson(String rationale) {
        try {
            return json.readValue(rationale, ScorecardResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rating rationale is not readable", e);
        }
    }
}

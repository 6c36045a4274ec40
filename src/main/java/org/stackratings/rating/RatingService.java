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
        return select(members.allStatuses().stream().map(m -> toCurrent(m, ratings.get(m.id()), false)).toList(), query);
    }

    /** The ratings of {@code all} that pass the query's filters, in its order. */
    public static List<CurrentRating> select(List<CurrentRating> all, ListQuery query) {
        Comparator<CurrentRating> order = query.sort() == Sort.NAME
                ? Comparator.comparing(CurrentRating::member)
                : Comparator.comparing((CurrentRating r) -> r.rating().ordinal())
                .thenComparing(r -> r.score() == null ? 0.0 : -r.score())
                .thenComparing(CurrentRating::member);
        return all.stream()
                .filter(r -> query.region() == null || query.region().equalsIgnoreCase(r.region()))
                .filter(r -> query.minRating() == null
                        || r.rating().isRated() && r.rating().ordinal() <= query.minRating().ordinal())
                .filter(r -> !query.assuredOnly() || r.rating().isAssured())
                .sorted(order)
                .toList();
    }

    public Optional<CurrentRating> find(String slug) {
        return members.status(slug).map(m -> toCurrent(m, Rating.findById(m.id()), true));
    }


    /** A member's rating actions, newest first. */
    public java.util.Optional<List<ActionView>> actions(String slug, int offset, int limit) {
        return members.memberId(slug).map(id -> RatingAction.<RatingAction>find("memberId = ?1 order by id desc", id)
                .range(offset, offset + limit - 1).list().stream().map(a -> view(slug, a)).toList());
    }

    /** Rating actions by id, whatever member they belong to; ids that do not exist are absent from the map. */
    public Map<Long, ActionView> actionsById(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = RatingAction.getEntityManager()
                .createQuery("select a, m.slug from RatingAction a, Member m where m.id = a.memberId and a.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> ((RatingAction) row[0]).id,
                row -> view((String) row[1], (RatingAction) row[0])));
    }

    public long countActions(long memberId) {
        return RatingAction.count("memberId", memberId);
    }

    /** The member's score history between two instants, averaged per step. */
    public java.util.Optional<List<ScorePointView>> scores(String slug, java.time.Instant from, java.time.Instant to,
                                                           java.time.Duration step) {
        return members.memberId(slug).map(id -> {
            List<RatingScore> rows = RatingScore.list("id.memberId = ?1 and id.hour >= ?2 and id.hour < ?3 order by id.hour",
                    id, from, to);
            java.util.Map<Long, List<RatingScore>> bySteps = new java.util.TreeMap<>();
            long size = step.toMillis();
            long origin = from.toEpochMilli();
            rows.forEach(r -> bySteps.computeIfAbsent((r.id.hour().toEpochMilli() - origin) / size, k -> new java.util.ArrayList<>()).add(r));
            return bySteps.entrySet().stream().map(e -> {
                List<RatingScore> in = e.getValue();
                RatingScore last = in.get(in.size() - 1);
                java.util.OptionalDouble mean = in.stream().filter(r -> r.score != null).mapToDouble(r -> r.score).average();
                return new ScorePointView(java.time.Instant.ofEpochMilli(origin + e.getKey() * size),
                        mean.isPresent() ? Math.round(mean.getAsDouble() * 100.0) / 100.0 : null,
                        Notch.fromSymbol(last.notch).orElse(Notch.NR), Notch.fromSymbol(last.indicatedNotch).orElse(Notch.NR),
                        last.factors, last.methodologyVersion);
            }).toList();
        });
    }

    private ActionView view(String slug, RatingAction a) {
        try {
            return new ActionView(a.id, slug, ActionType.valueOf(a.action), Notch.fromSymbol(a.notch).orElseThrow(),
                    a.previousNotch == null ? null : Notch.fromSymbol(a.previousNotch).orElse(null),
                    Notch.fromSymbol(a.indicatedNotch).orElse(null), Outlook.valueOf(a.outlook),
                    a.watch == null ? null : Watch.valueOf(a.watch), a.score, a.reason, a.methodologyVersion, a.effectiveAt,
                    json.readTree(a.rationale));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored action rationale is not readable", e);
        }
    }

    /**
     * @param detail whether to read what only the detail view shows (missing services, last action); the list, which
     *               publishes summaries, skips those two queries per member
     */
    private CurrentRating toCurrent(MemberStatusView m, Rating r, boolean detail) {
        List<String> missing = detail ? measurements.missingServices(m.id()) : List.of();
        if (r == null) {
            Notch notch = m.withdrawn() ? Notch.WR : Notch.NR;
            return new CurrentRating(m.slug(), m.displayName(), m.region(), notch, false, notch, Outlook.STABLE, null, null,
                    null, notch, List.of(), List.of(), null, m.withdrawn() ? "member withdrawn" : "not rated yet", null,
                    null, null, null, null, missing, null);
        }
        ScorecardResult result = fromJson(r.rationale);
        Notch notch = Notch.fromSymbol(r.notch).orElseThrow();
        ActionView last = !detail ? null : RatingAction.<RatingAction>find("memberId = ?1 order by id desc", m.id())
                .firstResultOptional().map(a -> view(m.slug(), a)).orElse(null);
        return new CurrentRating(m.slug(), m.displayName(), m.region(), notch, notch.isAssured(),
                Notch.fromSymbol(r.indicatedNotch).orElse(Notch.NR), Outlook.valueOf(r.outlook),
                r.watch == null ? null : Watch.valueOf(r.watch),
                r.pendingNotch == null ? null : new CurrentRating.Pending(Notch.fromSymbol(r.pendingNotch).orElse(Notch.NR), r.pendingSince),
                r.score, result.scorecardNotch(), result.factors(), result.caps(), result.coverage(), result.notRatedReason(),
                r.methodologyVersion, r.windowStart, r.windowEnd, r.effectiveSince, r.computedAt, missing, last);
    }

    private ScorecardResult fromJson(String rationale) {
        try {
            return json.readValue(rationale, ScorecardResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rating rationale is not readable", e);
        }
    }
}

package org.stackratings.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.stackratings.measurement.MeasurementCsvWriter;
import org.stackratings.measurement.MeasurementQuery;
import org.stackratings.measurement.MeasurementView;
import org.stackratings.member.MemberService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's CSV download: a member's raw measurements of whole UTC days {@code from} … {@code to} (both
 * included; default the last 7 days), written by {@link MeasurementCsvWriter} as {@code GET
 * /api/v1/members/{member}/measurements} writes its CSV, at most {@value #LIMIT} rows. Raw measurements are kept for
 * {@code stackratings.measurement.raw-retention}.
 */
@ApplicationScoped
public class MeasurementCsv {

    static final int LIMIT = 100_000;
    static final Duration MAX_SPAN = Duration.ofDays(400);

    private final MemberService members;
    private final MeasurementQuery query;
    private final Clock clock;

    public MeasurementCsv(MemberService members, MeasurementQuery query, Clock clock) {
        this.members = members;
        this.query = query;
        this.clock = clock;
    }

    /** The download, a 400 page for a bad period, or empty for an unknown member. */
    public Optional<Response> download(String member, String from, String to) {
        Optional<Long> memberId = members.memberId(member);
        if (memberId.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first;
        LocalDate last;
        try {
            last = to == null || to.isBlank() ? today : LocalDate.parse(to.trim());
            first = from == null || from.isBlank() ? last.minusDays(6) : LocalDate.parse(from.trim());
        } catch (DateTimeParseException e) {
            return Optional.of(bad(member, "Give the days as YYYY-MM-DD."));
        }
        Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!start.isBefore(end)) {
            return Optional.of(bad(member, "The first day (" + first + ") must not be after the last (" + last + ")."));
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            return Optional.of(bad(member, "A download may span at most " + MAX_SPAN.toDays() + " days."));
        }
        MeasurementQuery.Filter filter = new MeasurementQuery.Filter(memberId.get(), start, end, null, null);
        long count = query.count(filter);
        if (count > LIMIT) {
            return Optional.of(bad(member, "These days hold " + count + " measurements; choose fewer days (at most "
                    + LIMIT + " rows)."));
        }
        List<MeasurementView> rows = query.find(filter, 0, LIMIT).stream().map(m -> MeasurementView.of(member, m)).toList();
        return Optional.of(Response.ok(MeasurementCsvWriter.write(rows), "text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + member + "-measurements-" + first + "-to-" + last + ".csv\"")
                .build());
    }

    private static Response bad(String member, String text) {
        return MessagePage.of(Response.Status.BAD_REQUEST, "Cannot download these days", text,
                "/dashboard/" + member, "Back to the dashboard");
    }
}

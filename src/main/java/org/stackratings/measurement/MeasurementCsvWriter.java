package org.stackratings.measurement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;

import java.util.List;

/**
 * The one CSV form of measurements, used by {@code GET /api/v1/members/{member}/measurements} (Accept: text/csv) and
 * the dashboard's download: a header row, then the columns of {@link MeasurementView} in its order.
 *
 * <p>Spreadsheets run a cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * as a formula (CSV injection, OWASP). {@code detail} carries what a member cloud answered, so every <em>text</em>
 * cell that begins with one of those characters is prefixed with a single quote, which spreadsheets show as text.
 * Numeric cells ({@code durationMs}, {@code httpStatus}) are written as numbers and never changed; they are never
 * negative (durations are measured, statuses are HTTP codes). Run ids (UUIDs), instants and outcomes cannot begin
 * with those characters.
 */
public final class MeasurementCsvWriter {

    private static final ObjectWriter WRITER;

    static {
        CsvMapper csv = CsvMapper.builder().findAndAddModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        WRITER = csv.writer(csv.schemaFor(MeasurementView.class).withHeader());
    }

    private MeasurementCsvWriter() {
    }

    /** The rows as CSV with a header row, every text cell neutralised. */
    public static String write(List<MeasurementView> rows) {
        try {
            return WRITER.writeValueAsString(rows.stream().map(MeasurementCsvWriter::neutralised).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write measurements as CSV", e);
        }
    }

    /** A text cell a spreadsheet shows as text: prefixed with {@code '} when it begins like a formula. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }

    private static MeasurementView neutralised(MeasurementView m) {
        return new MeasurementView(neutralise(m.member()), neutralise(m.vantage()), neutralise(m.probe()), m.runId(),
                neutralise(m.operation()), m.startedAt(), m.durationMs(), m.outcome(), m.httpStatus(),
                neutralise(m.errorClass()), neutralise(m.detail()));
    }
}

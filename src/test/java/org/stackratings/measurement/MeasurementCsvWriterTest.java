package org.stackratings.measurement;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MeasurementCsvWriterTest {

    private static final UUID RUN = UUID.fromString("01a215cb-c56a-716d-ad01-e7e904eab112");
    private static final Instant AT = Instant.parse("2026-11-26T03:00:05.621740Z");

    @Test
    void textCellsThatBeginLikeAFormulaArePrefixedWithAQuote() throws IOException {
        List<String> details = List.of("=HYPERLINK(\"https://evil.example/\",\"click\")", "+1", "-1+2", "@SUM(A1:A9)",
                "\t=cmd", "\r=cmd");
        List<MeasurementView> rows = details.stream().map(d -> view("=errorClass", d)).toList();

        List<Map<String, String>> read = read(MeasurementCsvWriter.write(rows));

        assertThat(read).hasSize(details.size());
        for (int i = 0; i < details.size(); i++) {
            assertThat(read.get(i).get("detail")).isEqualTo("'" + details.get(i));
            assertThat(read.get(i).get("errorClass")).isEqualTo("'=errorClass");
        }
    }

    @Test
    void ordinaryCellsAndNumbersAreWrittenAsTheyAre() throws IOException {
        MeasurementView ok = new MeasurementView("aurora", "local", "api", RUN, "compute.flavors.list", AT, 1737.995,
                Outcome.ERROR, 500, "HTTP_ERROR:ServerResponseException", "compute.flavors.list: HTTP 500 Internal Server Error");

        String csv = MeasurementCsvWriter.write(List.of(ok));
        Map<String, String> row = read(csv).get(0);

        assertThat(csv.lines().findFirst()).contains(
                "member,vantage,probe,runId,operation,startedAt,durationMs,outcome,httpStatus,errorClass,detail");
        assertThat(row).containsEntry("member", "aurora").containsEntry("runId", RUN.toString())
                .containsEntry("startedAt", "2026-11-26T03:00:05.621740Z").containsEntry("durationMs", "1737.995")
                .containsEntry("outcome", "ERROR").containsEntry("httpStatus", "500")
                .containsEntry("detail", "compute.flavors.list: HTTP 500 Internal Server Error");
    }

    @Test
    void neutralisesOnlyTheFirstCharacter() {
        assertThat(MeasurementCsvWriter.neutralise("a=b")).isEqualTo("a=b");
        assertThat(MeasurementCsvWriter.neutralise("HTTP 500 -- retry")).isEqualTo("HTTP 500 -- retry");
        assertThat(MeasurementCsvWriter.neutralise("")).isEmpty();
        assertThat(MeasurementCsvWriter.neutralise(null)).isNull();
        assertThat(MeasurementCsvWriter.neutralise("-")).isEqualTo("'-");
    }

    private static MeasurementView view(String errorClass, String detail) {
        return new MeasurementView("m", "local", "api", RUN, "identity.token.issue", AT, 12.5, Outcome.ERROR, 400, errorClass, detail);
    }

    private static List<Map<String, String>> read(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}

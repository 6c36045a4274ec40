package org.stackratings.dashboard;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.stackratings.dashboard.session.SessionCookies;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.OperationResult;
import org.stackratings.measurement.Outcome;
import org.stackratings.measurement.RunStatus;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.member.MemberService;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.issueKey;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

/**
 * A member cloud's answer that begins like a spreadsheet formula reaches both CSV downloads (the API's and the
 * dashboard's) as text: prefixed with a single quote.
 */
@QuarkusTest
class CsvInjectionTest {

    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"https://evil.example/\",\"click me\")", "+1",
            "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1");

    @Inject
    MeasurementStore store;
    @Inject
    MemberService members;

    @Test
    void bothCsvDownloadsNeutraliseFormulasFromTheCloud() throws IOException {
        String member = uniqueSlug("csvinject");
        Map<String, Object> body = new HashMap<>(memberBody(member, "https://keystone.test/v3", "pw", false));
        body.put("probes", Map.of("api", Map.of("enabled", false, "interval", "PT15M")));
        admin().body(body).post("/api/v1/members").then().statusCode(201);
        UUID run = store.startRun(members.memberId(member).orElseThrow(), "api", RunTrigger.MANUAL);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        store.finishRun(run, member, RunStatus.COMPLETED, "hostile answers", HOSTILE.stream()
                .map(d -> new OperationResult("compute.flavors.list", at, 12.5, Outcome.ERROR, 500, "HTTP_ERROR", d)).toList());
        String key = issueKey("provider", member);

        String api = RestAssured.given().header("Authorization", "Bearer " + key).accept("text/csv")
                .get("/api/v1/members/" + member + "/measurements").then().statusCode(200).extract().asString();
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        String dashboard = RestAssured.given().cookie(SessionCookies.NAME, DashboardSessions.session(key))
                .get("/dashboard/" + member + "/measurements.csv?from=" + day + "&to=" + day).then().statusCode(200)
                .extract().asString();

        for (String csv : List.of(api, dashboard)) {
            List<Map<String, String>> rows = read(csv);
            assertThat(rows).extracting(r -> r.get("detail"))
                    .containsExactlyInAnyOrderElementsOf(HOSTILE.stream().map(d -> "'" + d).toList());
            assertThat(rows).extracting(r -> r.get("durationMs")).containsOnly("12.5");
            assertThat(rows).extracting(r -> r.get("member")).containsOnly(member);
        }
        assertThat(dashboard).isEqualTo(api);
    }

    private static List<Map<String, String>> read(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}

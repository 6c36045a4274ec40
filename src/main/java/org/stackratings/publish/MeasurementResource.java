package org.stackratings.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.measurement.MeasurementQuery;
import org.stackratings.measurement.MeasurementView;
import org.stackratings.member.MemberService;
import org.stackratings.security.MemberAccess;
import org.stackratings.web.PageRequest;
import org.stackratings.web.PageView;
import org.stackratings.web.Problem;
import org.stackratings.web.ProblemException;

import java.time.Clock;
import java.util.List;

/** Raw measurements of one member, as JSON pages or CSV (provider key of the member, admin). */
@Path("/api/v1/members/{member}/measurements")
@APIResponse(responseCode = "401", description = "No key, or an unknown, expired or revoked one",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Neither an admin key nor a provider key of this member",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "Measurements", description = "Raw probe measurements (provider of the member, admin)")
@SecurityRequirement(name = "apiKey")
public class MeasurementResource {

    private static final CsvMapper CSV = CsvMapper.builder().findAndAddModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final CsvSchema SCHEMA = CSV.schemaFor(MeasurementView.class).withHeader();
    private static final int CSV_LIMIT = 100_000;

    private final MemberService members;
    private final MeasurementQuery query;
    private final Clock clock;

    public MeasurementResource(MemberService members, MeasurementQuery query, Clock clock) {
        this.members = members;
        this.query = query;
        this.clock = clock;
    }

    @GET
    @PermissionsAllowed(MemberAccess.MEMBER_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "A page of measurements")
    @Operation(summary = "Measurements in a time range", description = "from/to are ISO-8601 instants (default: the last 24 h); filter by probe and operation.")
    public PageView<MeasurementView> json(@PathParam("member") String member, @QueryParam("from") String from,
                                          @QueryParam("to") String to, @QueryParam("probe") String probe,
                                          @QueryParam("operation") String operation,
                                          @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        MeasurementQuery.Filter filter = filter(member, from, to, probe, operation);
        List<MeasurementView> items = query.find(filter, paging.offset(), paging.size()).stream()
                .map(m -> MeasurementView.of(member, m)).toList();
        String base = "/api/v1/members/" + member + "/measurements?from=" + filter.from() + "&to=" + filter.to()
                + (probe == null ? "" : "&probe=" + probe) + (operation == null ? "" : "&operation=" + operation);
        return PageView.of(items, paging, query.count(filter), base);
    }

    @GET
    @PermissionsAllowed(MemberAccess.MEMBER_DATA)
    @Produces("text/csv;qs=0.5")
    @APIResponse(responseCode = "200", description = "Measurements as CSV with a header row")
    @Operation(summary = "Measurements in a time range as CSV (at most 100,000 rows)")
    public String csv(@PathParam("member") String member, @QueryParam("from") String from, @QueryParam("to") String to,
                      @QueryParam("probe") String probe, @QueryParam("operation") String operation) throws JsonProcessingException {
        MeasurementQuery.Filter filter = filter(member, from, to, probe, operation);
        long count = query.count(filter);
        if (count > CSV_LIMIT) {
            throw ProblemException.badRequest("the range holds " + count + " measurements; narrow it to at most " + CSV_LIMIT);
        }
        List<MeasurementView> rows = query.find(filter, 0, CSV_LIMIT).stream().map(m -> MeasurementView.of(member, m)).toList();
        return CSV.writer(SCHEMA).writeValueAsString(rows);
    }

    private MeasurementQuery.Filter filter(String member, String from, String to, String probe, String operation) {
        long memberId = members.memberId(member).orElseThrow(() -> ProblemException.notFound("member", member));
        TimeRange range = TimeRange.parse(from, to, clock);
        return new MeasurementQuery.Filter(memberId, range.from(), range.to(), probe, operation);
    }
}

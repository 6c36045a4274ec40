package org.stackratings.publish;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.measurement.MeasurementCsvWriter;
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
@APIResponse(responseCode = "400", description = "from/to are not ISO-8601 instants in order at most 400 days apart, bad paging,"
        + " or (CSV) the range holds more than 100,000 measurements",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                @ExampleObject(name = "range too long", value = """
                        {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                         "detail": "the range may span at most 400 days", "instance": "/api/v1/members/aurora/measurements"}"""),
                @ExampleObject(name = "too many rows for CSV", value = """
                        {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                         "detail": "the range holds 163284 measurements; narrow it to at most 100000",
                         "instance": "/api/v1/members/aurora/measurements"}""")}))
@APIResponse(responseCode = "404", description = "No such member (for an admin key; a provider key of another member gets 403)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unknown member", value = """
                        {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
                         "detail": "member 'nimbus' does not exist", "instance": "/api/v1/members/nimbus/measurements"}""")))
public class MeasurementResource {

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
    @APIResponse(responseCode = "200", description = "A page of measurements, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = MeasurementView.class)),
                    examples = @ExampleObject(name = "dustbowl in its hang", value = """
                            {"items": [
                              {"member": "dustbowl", "vantage": "local", "probe": "api", "runId": "01a215ce-847a-7f57-b2d9-3582b202ae8b",
                               "operation": "identity.token.issue", "startedAt": "2026-11-26T03:03:05.597845Z", "durationMs": 10005.863,
                               "outcome": "TIMEOUT", "errorClass": "TIMEOUT:SocketTimeoutException",
                               "detail": "identity.token.issue: no answer in time (timeout)"},
                              {"member": "dustbowl", "vantage": "local", "probe": "api", "runId": "01a215ce-bf2a-736f-b295-bd354c98b42f",
                               "operation": "identity.token.issue", "startedAt": "2026-11-26T03:03:20.621761Z", "durationMs": 10013.642,
                               "outcome": "TIMEOUT", "errorClass": "TIMEOUT:SocketTimeoutException",
                               "detail": "identity.token.issue: no answer in time (Read timed out)"}],
                             "page": 0, "size": 2, "total": 4,
                             "links": {"self": "/api/v1/members/dustbowl/measurements?from=2026-11-26T03:03:00Z&to=2026-11-26T03:04:00Z&probe=api&operation=identity.token.issue&page=0&size=2",
                                       "next": "/api/v1/members/dustbowl/measurements?from=2026-11-26T03:03:00Z&to=2026-11-26T03:04:00Z&probe=api&operation=identity.token.issue&page=1&size=2",
                                       "prev": null}}""")))
    @Operation(summary = "Measurements in a time range", description = "from/to are ISO-8601 instants (default: the last 24 h);"
            + " filter by probe and operation. Accept: text/csv answers CSV instead (at most 100,000 rows).")
    public PageView<MeasurementView> json(@Parameter(description = "The member's slug", example = "dustbowl") @PathParam("member") String member,
                                          @Parameter(description = "Start, an ISO-8601 instant (default: a day before to)", example = "2026-11-26T03:03:00Z")
                                          @QueryParam("from") String from,
                                          @Parameter(description = "End, an ISO-8601 instant (default: now)", example = "2026-11-26T03:04:00Z")
                                          @QueryParam("to") String to,
                                          @Parameter(description = "Only this probe: api, lifecycle or compliance", example = "api") @QueryParam("probe") String probe,
                                          @Parameter(description = "Only this operation", example = "identity.token.issue") @QueryParam("operation") String operation,
                                          @Parameter(description = "Page number, from 0 (JSON only)", example = "0") @QueryParam("page") Integer page,
                                          @Parameter(description = "Page size, 1–500, default 50 (JSON only)", example = "50") @QueryParam("size") Integer size) {
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
    @APIResponse(responseCode = "200", description = "Measurements as CSV with a header row",
            content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "dustbowl", value = """
                    member,vantage,probe,runId,operation,startedAt,durationMs,outcome,httpStatus,errorClass,detail
                    dustbowl,local,api,"01a215cb-c56a-716d-ad01-e7e904eab112",identity.token.issue,"2026-11-26T03:00:05.621740Z",1737.995,OK,,,
                    dustbowl,local,api,"01a215cb-c56a-716d-ad01-e7e904eab112",compute.flavors.list,"2026-11-26T03:00:07.359818Z",1543.038,OK,,,
                    dustbowl,local,compliance,"01a215cb-cc07-7a7b-af54-230fc86e173b","compliance.compute-flavors-list","2026-11-26T03:00:09.390994Z",1786.965,OK,,,PASS
                    dustbowl,local,api,"01a215cc-752c-7332-8d6e-02c370839a23",identity.token.issue,"2026-11-26T03:00:50.605362Z",1536.441,ERROR,500,"HTTP_ERROR:ServerResponseException","identity.token.issue: HTTP 500 Internal Server Error"
                    """)))
    @Operation(summary = "Measurements in a time range as CSV (at most 100,000 rows)",
            description = "Text cells that begin with =, +, -, @, a tab or a carriage return are prefixed with ' so that"
                    + " spreadsheets show them as text, not formulas.")
    public String csv(@PathParam("member") String member, @QueryParam("from") String from, @QueryParam("to") String to,
                      @QueryParam("probe") String probe, @QueryParam("operation") String operation) {
        MeasurementQuery.Filter filter = filter(member, from, to, probe, operation);
        long count = query.count(filter);
        if (count > CSV_LIMIT) {
            throw ProblemException.badRequest("the range holds " + count + " measurements; narrow it to at most " + CSV_LIMIT);
        }
        List<MeasurementView> rows = query.find(filter, 0, CSV_LIMIT).stream().map(m -> MeasurementView.of(member, m)).toList();
        return MeasurementCsvWriter.write(rows);
    }

    private MeasurementQuery.Filter filter(String member, String from, String to, String probe, String operation) {
        long memberId = members.memberId(member).orElseThrow(() -> ProblemException.notFound("member", member));
        TimeRange range = TimeRange.parse(from, to, clock);
        return new MeasurementQuery.Filter(memberId, range.from(), range.to(), probe, operation);
    }
}

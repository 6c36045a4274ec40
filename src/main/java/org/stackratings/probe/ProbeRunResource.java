package org.stackratings.probe;

import org.stackratings.compliance.conformance.ConformanceProbe;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.security.Roles;
import org.stackratings.web.Problem;
import org.stackratings.web.ProblemException;

import java.util.UUID;

/** Admin API: run a probe now and read a run back. */
@Path("/api/v1/members/{member}/probe-runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Members", description = "Onboarding member clouds (admin)")
@SecurityRequirement(name = "apiKey")
public class ProbeRunResource {

    /** An api run of the sandbox cloud dustbowl (dev mode), one of whose calls failed. */
    private static final String API_RUN = """
            {"id": "01a215c8-2017-719c-aa59-3012f6831c5a", "member": "dustbowl", "probe": "api", "vantage": "local",
             "trigger": "MANUAL", "status": "COMPLETED", "startedAt": "2026-11-26T02:56:06.679276Z",
             "finishedAt": "2026-11-26T02:56:10.963582Z", "summary": "4/5 operations OK",
             "measurements": [
               {"member": "dustbowl", "vantage": "local", "probe": "api", "runId": "01a215c8-2017-719c-aa59-3012f6831c5a",
                "operation": "identity.token.issue", "startedAt": "2026-11-26T02:56:06.693377Z", "durationMs": 2453.133, "outcome": "OK"},
               {"member": "dustbowl", "vantage": "local", "probe": "api", "runId": "01a215c8-2017-719c-aa59-3012f6831c5a",
                "operation": "compute.flavors.list", "startedAt": "2026-11-26T02:56:09.146549Z", "durationMs": 717.997, "outcome": "OK"},
               {"member": "dustbowl", "vantage": "local", "probe": "api", "runId": "01a215c8-2017-719c-aa59-3012f6831c5a",
                "operation": "image.images.list", "startedAt": "2026-11-26T02:56:09.864583Z", "durationMs": 590.0, "outcome": "OK"},
               {"member": "dustbowl", "vantage": "local", "probe": "api", "runId": "01a215c8-2017-719c-aa59-3012f6831c5a",
                "operation": "network.networks.list", "startedAt": "2026-11-26T02:56:10.454620Z", "durationMs": 134.256, "outcome": "OK"},
               {"member": "dustbowl", "vantage": "local", "probe": "api", "runId": "01a215c8-2017-719c-aa59-3012f6831c5a",
                "operation": "volume.volumes.list", "startedAt": "2026-11-26T02:56:10.588902Z", "durationMs": 374.568,
                "outcome": "ERROR", "httpStatus": 500, "errorClass": "HTTP_ERROR:ServerResponseException",
                "detail": "volume.volumes.list: HTTP 500 Internal Server Error"}]}""";

    private final ProbeRunner runner;
    private final ProbeRuns runs;

    public ProbeRunResource(ProbeRunner runner, ProbeRuns runs) {
        this.runner = runner;
        this.runs = runs;
    }

    /**
     * Runs a probe now. The api and compliance probes run to the end (bounded by their deadlines): 201 with the
     * measurements. The lifecycle probe and the conformance run take minutes: 202 with the run, to be read back at
     * its Location.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a probe now", description = "probe: api (default), lifecycle, compliance or conformance."
            + " The api and compliance probes run to the end: 201 with the measurements. A lifecycle run boots and"
            + " deletes a server, a conformance run checks every required capability (docs/compliance.md); both take"
            + " minutes: 202 with the RUNNING run, to be read back at its Location (the conformance outcome at"
            + " GET /api/v1/ratings/{member}/conformance).")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProbeRunRequest.class), examples = {
            @ExampleObject(name = "api (default)", value = "{}"),
            @ExampleObject(name = "lifecycle", value = "{\"probe\": \"lifecycle\"}"),
            @ExampleObject(name = "conformance", value = "{\"probe\": \"conformance\"}")}))
    @APIResponse(responseCode = "201", description = "The api or compliance run, finished; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProbeRunView.class),
                    examples = @ExampleObject(name = "api run", value = API_RUN)))
    @APIResponse(responseCode = "202", description = "The lifecycle or conformance run, started; read it back at Location until it is COMPLETED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProbeRunView.class),
                    examples = @ExampleObject(name = "lifecycle run", value = """
                            {"id": "01a215c7-f731-7f60-97ee-5b4f652cd79b", "member": "borealis", "probe": "lifecycle",
                             "vantage": "local", "trigger": "MANUAL", "status": "RUNNING", "startedAt": "2026-11-26T02:55:56.209118Z",
                             "finishedAt": null, "summary": null, "measurements": []}""")))
    @APIResponse(responseCode = "400", description = "Unknown probe, or a malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown probe", value = """
                            {"type": "urn:stackratings:problem:validation", "title": "Invalid input", "status": 400,
                             "detail": "The request has 1 invalid field(s)", "instance": "/api/v1/members/aurora/probe-runs",
                             "errors": [{"field": "probe", "message": "must be 'api', 'lifecycle' or 'compliance'"}]}""")))
    @APIResponse(responseCode = "404", description = "No such member, or it was withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "withdrawn member", value = """
                            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
                             "detail": "active member 'my-cloud' does not exist", "instance": "/api/v1/members/my-cloud/probe-runs"}""")))
    @APIResponse(responseCode = "409", description = "A lifecycle run of this member is still in flight (at most one probe server per member)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "lifecycle in flight", value = """
                            {"type": "urn:stackratings:problem:conflict", "title": "Conflict", "status": 409,
                             "detail": "no lifecycle run was started for 'borealis': a lifecycle run is still in flight (at most one probe server per member)",
                             "instance": "/api/v1/members/borealis/probe-runs"}""")))
    public Response run(@Parameter(description = "The member's slug", example = "dustbowl") @PathParam("member") String member,
                        @Valid ProbeRunRequest request, UriInfo uri) {
        String probe = request == null ? ApiProbe.NAME : request.probeOrDefault();
        if (runs.memberExists(member).isEmpty()) {
            throw ProblemException.notFound("active member", member);
        }
        UUID id = runner.run(probe, member, RunTrigger.MANUAL).orElseThrow(() -> ProblemException.conflict(
                "no " + probe + " run was started for '" + member + "': a " + probe + " run is still in flight ("
                        + (LifecycleProbe.NAME.equals(probe) ? "at most one probe server per member)"
                        : "at most one conformance run per member)")));
        java.net.URI location = uri.getAbsolutePathBuilder().path(id.toString()).build();
        boolean runsOn = LifecycleProbe.NAME.equals(probe) || ConformanceProbe.NAME.equals(probe);
        return (runsOn ? Response.accepted() : Response.created(location))
                .location(location).entity(runs.view(member, id)).build();
    }

    @GET
    @Path("{run}")
    @Operation(summary = "One probe run with its measurements")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProbeRunView.class),
                    examples = @ExampleObject(name = "api run", value = API_RUN)))
    @APIResponse(responseCode = "404", description = "No run with this id for this member (or the id is not a UUID)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown run", value = """
                            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
                             "detail": "probe run '0f0e2c1a-1b2c-4d3e-8f90-a1b2c3d4e5f6' does not exist",
                             "instance": "/api/v1/members/aurora/probe-runs/0f0e2c1a-1b2c-4d3e-8f90-a1b2c3d4e5f6"}""")))
    public ProbeRunView get(@Parameter(description = "The member's slug", example = "dustbowl") @PathParam("member") String member,
                            @Parameter(description = "The run's id", example = "01a215c8-2017-719c-aa59-3012f6831c5a")
                            @PathParam("run") UUID run) {
        return runs.find(member, run).orElseThrow(() -> ProblemException.notFound("probe run", run.toString()));
    }
}

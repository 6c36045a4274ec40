package org.stackratings.probe;

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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.security.Roles;
import org.stackratings.web.ProblemException;

import java.util.UUID;

/** Admin API: run a probe now and read a run back. */
@Path("/api/v1/members/{member}/probe-runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Members", description = "Onboarding member clouds (admin)")
@SecurityRequirement(name = "apiKey")
public class ProbeRunResource {

    private final ProbeRunner runner;
    private final ProbeRuns runs;

    public ProbeRunResource(ProbeRunner runner, ProbeRuns runs) {
        this.runner = runner;
        this.runs = runs;
    }

    /**
     * Runs a probe now. The api and compliance probes run to the end (bounded by their deadlines): 201 with the
     * measurements. The lifecycle probe takes minutes: 202 with the run, to be read back at its Location.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response run(@PathParam("member") String member, @Valid ProbeRunRequest request, UriInfo uri) {
        String probe = request == null ? ApiProbe.NAME : request.probeOrDefault();
        if (runs.memberExists(member).isEmpty()) {
            throw ProblemException.notFound("active member", member);
        }
        UUID id = runner.run(probe, member, RunTrigger.MANUAL).orElseThrow(() -> ProblemException.conflict(
                "no " + probe + " run was started for '" + member + "': a lifecycle run is still in flight (at most one probe server per member)"));
        java.net.URI location = uri.getAbsolutePathBuilder().path(id.toString()).build();
        return (LifecycleProbe.NAME.equals(probe) ? Response.accepted() : Response.created(location))
                .location(location).entity(runs.view(member, id)).build();
    }

    @GET
    @Path("{run}")
    public ProbeRunView get(@PathParam("member") String member, @PathParam("run") UUID run) {
        return runs.find(member, run).orElseThrow(() -> ProblemException.notFound("probe run", run.toString()));
    }
}

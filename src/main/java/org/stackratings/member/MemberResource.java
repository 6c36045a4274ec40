package org.stackratings.member;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.security.Roles;
import org.stackratings.web.PageRequest;
import org.stackratings.web.PageView;
import org.stackratings.web.ProblemException;

/** Admin API: onboard, read, replace and withdraw members. */
@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Members", description = "Onboarding member clouds (admin)")
@SecurityRequirement(name = "apiKey")
public class MemberResource {

    private final MemberService members;

    public MemberResource(MemberService members) {
        this.members = members;
    }

    @POST
    public Response create(@NotNull @Valid MemberRequest request, UriInfo uri) {
        MemberView created = members.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.slug()).build()).entity(created).build();
    }

    @GET
    public PageView<MemberView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return PageView.of(members.list(request), request, members.count(), "/api/v1/members");
    }

    @GET
    @Path("{member}")
    public MemberView get(@PathParam("member") String slug) {
        return members.find(slug).orElseThrow(() -> ProblemException.notFound("member", slug));
    }

    @PUT
    @Path("{member}")
    public MemberView replace(@PathParam("member") String slug, @NotNull @Valid MemberRequest request) {
        return members.replace(slug, request);
    }

    @DELETE
    @Path("{member}")
    public Response withdraw(@PathParam("member") String slug) {
        members.withdraw(slug);
        return Response.noContent().build();
    }
}

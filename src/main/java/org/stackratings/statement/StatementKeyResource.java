package org.stackratings.statement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.security.Roles;
import org.stackratings.web.Problem;

import java.util.List;

/** Admin API: list, rotate and retire the keys that sign rating statements. */
@Path("/api/v1/statement-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Statements")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "No API key, or an unknown one", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "Not an admin key", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class StatementKeyResource {

    private final StatementKeys keys;

    public StatementKeyResource(StatementKeys keys) {
        this.keys = keys;
    }

    @GET
    @Operation(summary = "Signing keys", description = "Every key with its status: SIGNING, PENDING (published, signs from signsFrom), PUBLISHED, RETIRED.")
    @APIResponse(responseCode = "200", description = "Every key, newest first (a configured key first)")
    public List<StatementKeyView> list() {
        return keys.list();
    }

    @POST
    @Operation(summary = "Rotate the signing key", description = "Generates the next key: published in the JWK set at once, signing from signsFrom.")
    @APIResponse(responseCode = "201", description = "The new key")
    @APIResponse(responseCode = "409", description = "The signing key comes from configuration",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response rotate(UriInfo uri) {
        StatementKeyView created = keys.rotate();
        return Response.created(uri.getAbsolutePathBuilder().path(created.kid()).build()).entity(created).build();
    }

    @DELETE
    @Path("{kid}")
    @Operation(summary = "Retire a key", description = "Removes it from the JWK set. Refused for the signing key and for a key whose statements may still be valid.")
    @APIResponse(responseCode = "204", description = "Retired (or already retired)")
    @APIResponse(responseCode = "404", description = "No such key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The key signs now, or its statements may still be valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response retire(@PathParam("kid") String kid) {
        keys.retire(kid);
        return Response.noContent().build();
    }
}

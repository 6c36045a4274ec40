package org.stackratings.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.web.PageRequest;
import org.stackratings.web.PageView;
import org.stackratings.web.Problem;
import org.stackratings.web.ProblemException;

/** Admin API: issue, list and revoke API keys. */
@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Keys", description = "API keys and their roles (admin)")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", description = "No key, or an unknown, expired or revoked one",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The key is not an admin key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class KeyResource {

    private final ApiKeys keys;

    public KeyResource(ApiKeys keys) {
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a key", description = "Roles: admin; provider (reads one member's scores and "
            + "measurements: 'member' required); exchange. The answer carries the key (sr_<id>_<secret>) once: "
            + "only its SHA-256 is stored.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "provider", value = "{\"role\": \"provider\", \"member\": \"aurora\", \"label\": \"Aurora NOC\", \"expiresAt\": \"2027-01-01T00:00:00Z\"}"),
            @ExampleObject(name = "exchange", value = "{\"role\": \"exchange\", \"label\": \"Cloud exchange listing gate\"}")}))
    @APIResponse(responseCode = "201", description = "Issued; Location names the key",
            content = @Content(schema = @Schema(implementation = IssuedKeyView.class)))
    @APIResponse(responseCode = "400", description = "Unknown role, provider key without member, member on another role, expiry not in the future, malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The member does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The member was withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issue(@NotNull @Valid KeyRequest request, UriInfo uri, SecurityContext security) {
        IssuedKeyView issued = keys.issue(request, security.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.id()).build())
                .header("Cache-Control", "no-store").entity(issued).build();
    }

    @GET
    @Operation(summary = "Issued keys, newest first", description = "Never shows a secret; revoked and expired keys are kept for audit. Filter by member.")
    @APIResponse(responseCode = "200", description = "A page of keys")
    @APIResponse(responseCode = "400", description = "Bad paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<KeyView> list(@QueryParam("member") String member, @QueryParam("page") Integer page,
                                  @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        String base = "/api/v1/keys" + (member == null ? "" : "?member=" + java.net.URLEncoder.encode(member, java.nio.charset.StandardCharsets.UTF_8));
        return PageView.of(keys.list(member, paging), paging, keys.count(member), base);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One key (without its secret)")
    @APIResponse(responseCode = "200", description = "The key", content = @Content(schema = @Schema(implementation = KeyView.class)))
    @APIResponse(responseCode = "404", description = "No key has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KeyView get(@PathParam("id") String id) {
        return keys.find(id).orElseThrow(() -> ProblemException.notFound("API key", id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a key", description = "Refused from now on (on other instances within stackratings.security.key-cache-ttl); the key stays listed as REVOKED.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No key has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@PathParam("id") String id, SecurityContext security) {
        keys.revoke(id, security.getUserPrincipal().getName());
        return Response.noContent().build();
    }
}

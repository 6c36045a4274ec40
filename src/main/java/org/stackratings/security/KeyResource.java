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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    private static final String PROVIDER_KEY = """
            {"id": "9a78dd4f0dc93f87", "role": "provider", "member": "aurora", "label": "Aurora NOC", "status": "ACTIVE",
             "createdAt": "2026-11-26T02:55:40.550634Z", "createdBy": "bootstrap-admin", "expiresAt": "2027-01-01T00:00:00Z",
             "revokedAt": null, "lastUsedAt": "2026-11-26T03:12:09.417220Z"}""";
    private static final String UNKNOWN_KEY = """
            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
             "detail": "API key '0000000000000000' does not exist", "instance": "/api/v1/keys/0000000000000000"}""";

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
    @APIResponse(responseCode = "201", description = "Issued; Location names the key, Cache-Control: no-store",
            content = @Content(schema = @Schema(implementation = IssuedKeyView.class), examples = @ExampleObject(name = "provider", value = """
                    {"key": "sr_9a78dd4f0dc93f87_b689bc3ac664846247ae5efc93c4aadbed777d47a138a190ef012005b51a4850",
                     "id": "9a78dd4f0dc93f87", "role": "provider", "member": "aurora", "label": "Aurora NOC",
                     "createdAt": "2026-11-26T02:55:40.550634373Z", "expiresAt": "2027-01-01T00:00:00Z"}""")))
    @APIResponse(responseCode = "400", description = "Unknown role, provider key without member, member on another role, expiry not in the future, malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "provider key without member", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "a provider key needs 'member': the slug of the member it may read", "instance": "/api/v1/keys"}"""),
                    @ExampleObject(name = "unknown role", value = """
                            {"type": "urn:stackratings:problem:validation", "title": "Invalid input", "status": 400,
                             "detail": "The request has 1 invalid field(s)", "instance": "/api/v1/keys",
                             "errors": [{"field": "role", "message": "must be 'admin', 'provider' or 'exchange'"}]}"""),
                    @ExampleObject(name = "no body", value = """
                            {"type": "urn:stackratings:problem:validation", "title": "Invalid input", "status": 400,
                             "detail": "The request has 1 invalid field(s)", "instance": "/api/v1/keys",
                             "errors": [{"field": "request", "message": "must not be null"}]}""")}))
    @APIResponse(responseCode = "404", description = "The member does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = """
                            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
                             "detail": "member 'nimbus' does not exist", "instance": "/api/v1/keys"}""")))
    @APIResponse(responseCode = "409", description = "The member was withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "withdrawn member", value = """
                            {"type": "urn:stackratings:problem:conflict", "title": "Conflict", "status": 409,
                             "detail": "member 'my-cloud' was withdrawn; no new keys are issued for it", "instance": "/api/v1/keys"}""")))
    public Response issue(@NotNull @Valid KeyRequest request, UriInfo uri, SecurityContext security) {
        IssuedKeyView issued = keys.issue(request, security.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.id()).build())
                .header("Cache-Control", "no-store").entity(issued).build();
    }

    @GET
    @Operation(summary = "Issued keys, newest first", description = "Never shows a secret; revoked and expired keys are kept for audit. Filter by member.")
    @APIResponse(responseCode = "200", description = "A page of keys",
            content = @Content(schema = @Schema(implementation = PageView.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = KeyView.class)),
                    examples = @ExampleObject(name = "keys of aurora", value = """
                            {"items": [""" + PROVIDER_KEY + """
                            ],
                             "page": 0, "size": 50, "total": 1,
                             "links": {"self": "/api/v1/keys?member=aurora&page=0&size=50", "next": null, "prev": null}}""")))
    @APIResponse(responseCode = "400", description = "Bad paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad size", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "size must be between 1 and 500, got 0", "instance": "/api/v1/keys"}""")))
    public PageView<KeyView> list(@Parameter(description = "Only the keys of this member", example = "aurora") @QueryParam("member") String member,
                                  @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") Integer page,
                                  @Parameter(description = "Page size, 1–500 (default 50)", example = "50") @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        String base = "/api/v1/keys" + (member == null ? "" : "?member=" + java.net.URLEncoder.encode(member, java.nio.charset.StandardCharsets.UTF_8));
        return PageView.of(keys.list(member, paging), paging, keys.count(member), base);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One key (without its secret)")
    @APIResponse(responseCode = "200", description = "The key", content = @Content(schema = @Schema(implementation = KeyView.class),
            examples = @ExampleObject(name = "provider key", value = PROVIDER_KEY)))
    @APIResponse(responseCode = "404", description = "No key has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown key", value = UNKNOWN_KEY)))
    public KeyView get(@Parameter(description = "The key's id (the 16 hex digits after sr_)", example = "9a78dd4f0dc93f87")
                       @PathParam("id") String id) {
        return keys.find(id).orElseThrow(() -> ProblemException.notFound("API key", id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a key", description = "Refused from now on (on other instances within stackratings.security.key-cache-ttl); the key stays listed as REVOKED.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No key has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown key", value = UNKNOWN_KEY)))
    @APIResponse(responseCode = "409", description = "Already revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "revoked already", value = """
                            {"type": "urn:stackratings:problem:conflict", "title": "Conflict", "status": 409,
                             "detail": "API key '9a78dd4f0dc93f87' was revoked on 2026-11-26T02:55:40.742384Z",
                             "instance": "/api/v1/keys/9a78dd4f0dc93f87"}""")))
    public Response revoke(@Parameter(description = "The key's id", example = "9a78dd4f0dc93f87") @PathParam("id") String id,
                           SecurityContext security) {
        keys.revoke(id, security.getUserPrincipal().getName());
        return Response.noContent().build();
    }
}

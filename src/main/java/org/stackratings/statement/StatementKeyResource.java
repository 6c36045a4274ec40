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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
@APIResponse(responseCode = "403", description = "Not an admin key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StatementKeyResource {

    /** A rotated key, published at once and signing from signsFrom (dev mode). */
    private static final String PENDING = """
            {"kid": "e6OIK6DmamnSpJ3_bWjVG94rtaQCkrP4-a61KfIh16M", "source": "GENERATED", "generation": 2, "algorithm": "ES256",
             "status": "PENDING", "createdAt": "2026-11-26T02:56:23.719969Z", "signsFrom": "2026-11-26T03:06:23.719969Z",
             "retiredAt": null,
             "publicJwk": {"kty": "EC", "use": "sig", "crv": "P-256", "kid": "e6OIK6DmamnSpJ3_bWjVG94rtaQCkrP4-a61KfIh16M",
                           "x": "rkOZS_a8wG0-DInNgbOFkanPKD2_dbpW3jp3ir-7t2M", "y": "Faj4eOCM6Vm-55WgbRIz7Jf-mzKGhCm-iYKmGSiNyKA",
                           "alg": "ES256"}}""";

    private final StatementKeys keys;

    public StatementKeyResource(StatementKeys keys) {
        this.keys = keys;
    }

    @GET
    @Operation(summary = "Signing keys", description = "Every key with its status: SIGNING, PENDING (published, signs from signsFrom), PUBLISHED, RETIRED.")
    @APIResponse(responseCode = "200", description = "Every key, newest first (a configured key first)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = StatementKeyView.class),
                    examples = @ExampleObject(name = "after a rotation", value = "[" + PENDING + """
                            ,
                            {"kid": "y7NZviBM_xp_1_YfNtte6n026I31G7fHfgQytprNgQc", "source": "GENERATED", "generation": 1, "algorithm": "ES256",
                             "status": "SIGNING", "createdAt": "2026-11-26T02:53:18.345653Z", "signsFrom": null, "retiredAt": null,
                             "publicJwk": {"kty": "EC", "use": "sig", "crv": "P-256", "kid": "y7NZviBM_xp_1_YfNtte6n026I31G7fHfgQytprNgQc",
                                           "x": "hKq8F4WNvJ5NvYTyYJ0QD7pdSDIlm15aCERyreE-ZAU", "y": "8UAlbumy9RQcvwWwFtkFWP4C51Pkbs7GypNpR3CS58o",
                                           "alg": "ES256"}}]""")))
    public List<StatementKeyView> list() {
        return keys.list();
    }

    @POST
    @Operation(summary = "Rotate the signing key", description = "Generates the next key: published in the JWK set at once, signing from signsFrom.")
    @APIResponse(responseCode = "201", description = "The new key; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatementKeyView.class),
                    examples = @ExampleObject(name = "generation 2", value = PENDING)))
    @APIResponse(responseCode = "409", description = "The signing key comes from configuration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "configured key", value = """
                            {"type": "urn:stackratings:problem:conflict", "title": "Conflict", "status": 409,
                             "detail": "statements are signed with the key from stackratings.statement.signing-key; rotate it in the configuration",
                             "instance": "/api/v1/statement-keys"}""")))
    public Response rotate(UriInfo uri) {
        StatementKeyView created = keys.rotate();
        return Response.created(uri.getAbsolutePathBuilder().path(created.kid()).build()).entity(created).build();
    }

    @DELETE
    @Path("{kid}")
    @Operation(summary = "Retire a key", description = "Removes it from the JWK set. Refused for the signing key and for a key whose statements may still be valid.")
    @APIResponse(responseCode = "204", description = "Retired (or already retired)")
    @APIResponse(responseCode = "404", description = "No such key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown kid", value = """
                            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
                             "detail": "statement key 'no-such-kid' does not exist", "instance": "/api/v1/statement-keys/no-such-kid"}""")))
    @APIResponse(responseCode = "409", description = "The key signs now, or its statements may still be valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "signing key", value = """
                            {"type": "urn:stackratings:problem:conflict", "title": "Conflict", "status": 409,
                             "detail": "key y7NZviBM_xp_1_YfNtte6n026I31G7fHfgQytprNgQc signs statements now; rotate first (POST /api/v1/statement-keys)",
                             "instance": "/api/v1/statement-keys/y7NZviBM_xp_1_YfNtte6n026I31G7fHfgQytprNgQc"}"""),
                    @ExampleObject(name = "statements may be valid", value = """
                            {"type": "urn:stackratings:problem:conflict", "title": "Conflict", "status": 409,
                             "detail": "statements signed with key y7NZviBM_xp_1_YfNtte6n026I31G7fHfgQytprNgQc may be valid until 2026-11-26T04:11:23.719969Z; retire it after that",
                             "instance": "/api/v1/statement-keys/y7NZviBM_xp_1_YfNtte6n026I31G7fHfgQytprNgQc"}""")}))
    public Response retire(@Parameter(description = "The key's kid", example = "y7NZviBM_xp_1_YfNtte6n026I31G7fHfgQytprNgQc")
                           @PathParam("kid") String kid) {
        keys.retire(kid);
        return Response.noContent().build();
    }
}

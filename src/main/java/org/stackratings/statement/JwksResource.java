package org.stackratings.statement;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that verify rating statements (RFC 7517 JWK set); public, no key needed. */
@Path("/.well-known/jwks.json")
@Tag(name = "Statements", description = "Keys that verify signed rating statements")
public class JwksResource {

    private final StatementKeys keys;

    public JwksResource(StatementKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Statement verification keys (JWK set)",
            description = "Every key that is not retired: the one that signs now, a rotated key before it signs, and"
                    + " earlier keys whose statements may still be valid. Cacheable for stackratings.statement.key-refresh;"
                    + " refetch when a statement names an unknown kid.")
    @APIResponse(responseCode = "200", description = "The JWK set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "An RFC 7517 JWK set: {\"keys\": [EC P-256 public keys]}"),
            examples = @ExampleObject(name = "one key", value = """
                    {"keys": [{"kty": "EC", "use": "sig", "crv": "P-256", "kid": "y7NZviBM_xp_1_YfNtte6n026I31G7fHfgQytprNgQc",
                      "x": "hKq8F4WNvJ5NvYTyYJ0QD7pdSDIlm15aCERyreE-ZAU", "y": "8UAlbumy9RQcvwWwFtkFWP4C51Pkbs7GypNpR3CS58o",
                      "alg": "ES256"}]}""")))
    public Response jwks() {
        return Response.ok(keys.publicKeys().toJSONObject(true))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + keys.cacheFor().toSeconds()).build();
    }
}

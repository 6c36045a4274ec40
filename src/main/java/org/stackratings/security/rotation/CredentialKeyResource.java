package org.stackratings.security.rotation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.security.Roles;

/** {@code /api/v1/credential-key}: the credential key's state, and the resealing of stored values under it (admin). */
@Path("/api/v1/credential-key")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Credential key")
public class CredentialKeyResource {

    private final CredentialKeyRotation rotation;

    CredentialKeyResource(CredentialKeyRotation rotation) {
        this.rotation = rotation;
    }

    @GET
    @Operation(summary = "The credential key's id and the stored sealed values by key",
            description = "Never shows a key or a value: only key ids (8 hex digits of a hash) and counts.")
    @APIResponse(responseCode = "200", description = "The current key, the configured keys and the values by key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CredentialKeyView.class),
                    examples = @ExampleObject(name = "during a rotation", value = Examples.BEFORE)))
    public CredentialKeyView state() {
        return rotation.state();
    }

    @POST
    @Path("/reseal")
    @Operation(summary = "Reseal every stored value under the current credential key",
            description = "Member credentials, webhook secrets and statement signing keys sealed under a previous key"
                    + " (stackratings.security.previous-credential-keys) are sealed again under the current one. Safe to"
                    + " repeat; a value changed meanwhile is left as written. When previousKeysNeeded is false the"
                    + " previous keys can be removed from the configuration.")
    @APIResponse(responseCode = "200", description = "The values by key after the reseal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CredentialKeyView.class),
                    examples = @ExampleObject(name = "resealed", value = Examples.AFTER)))
    public CredentialKeyView reseal() {
        return rotation.reseal();
    }
}

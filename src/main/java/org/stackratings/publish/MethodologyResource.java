package org.stackratings.publish;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.rating.MethodologyView;
import org.stackratings.rating.Scorecard;

/** Public: the methodology in force. */
@Path("/api/v1/methodology")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings", description = "Current ratings of member clouds (public)")
public class MethodologyResource {

    private final Scorecard scorecard;

    public MethodologyResource(Scorecard scorecard) {
        this.scorecard = scorecard;
    }

    @GET
    @Operation(summary = "The methodology in force", description = "Version, window, minimum data, weights, grids, caps, stability and outlook rules.")
    public MethodologyView get() {
        return scorecard.methodology();
    }
}

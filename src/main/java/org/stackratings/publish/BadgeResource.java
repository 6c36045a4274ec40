package org.stackratings.publish;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.web.ProblemException;

import java.nio.charset.StandardCharsets;

/** Rating badges a provider can embed in its own pages (public, cacheable). */
@Path("/badges")
@Tag(name = "Ratings")
public class BadgeResource {

    static final String SVG = "image/svg+xml";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance badge(Badge badge);
    }

    private final RatingReadModel ratings;
    private final CacheControl cacheControl;

    public BadgeResource(RatingReadModel ratings, PublishConfig config) {
        this.ratings = ratings;
        this.cacheControl = new CacheControl();
        this.cacheControl.setMaxAge((int) config.badgeMaxAge().toSeconds());
    }

    @GET
    @Path("{member}.svg")
    @Produces(SVG)
    @Operation(summary = "Rating badge", description = "A small SVG with the member's rating as text and its band's colour."
            + " Cacheable: strong ETag, Cache-Control max-age (stackratings.publish.badge-max-age).")
    @APIResponse(responseCode = "200", description = "The badge", content = @Content(mediaType = SVG))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such member", content = @Content(mediaType = "application/problem+json"))
    public Response badge(@PathParam("member") String member, @Context Request request) {
        Badge badge = ratings.summary(member).map(Badge::of).orElseThrow(() -> ProblemException.notFound("member", member));
        byte[] body = Templates.badge(badge).render().getBytes(StandardCharsets.UTF_8);
        EntityTag etag = RatingReadModel.etagOf(body);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder response = notModified != null ? notModified : Response.ok(body, SVG);
        return response.tag(etag).cacheControl(cacheControl).build();
    }
}

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.web.Problem;
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
    @APIResponse(responseCode = "200", description = "The badge", content = @Content(mediaType = SVG, examples = {
            @ExampleObject(name = "aurora", value = """
                    <svg xmlns="http://www.w3.org/2000/svg" width="126" height="20" role="img" aria-label="StackRatings rating of Aurora (sandbox): Aaa, outlook stable">
                    <title>StackRatings rating of Aurora (sandbox): Aaa, outlook stable</title>
                    <rect width="94" height="20" fill="#3b3b3b"/>
                    <rect x="94" width="32" height="20" fill="#1b7a2f"/>
                    <g fill="#ffffff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
                    <text x="47" y="14">StackRatings</text>
                    <text x="110" y="14">Aaa</text>
                    </g>
                    </svg>
                    """),
            @ExampleObject(name = "dustbowl", value = """
                    <svg xmlns="http://www.w3.org/2000/svg" width="133" height="20" role="img" aria-label="StackRatings rating of Dustbowl (sandbox): Caa2, outlook stable">
                    <title>StackRatings rating of Dustbowl (sandbox): Caa2, outlook stable</title>
                    <rect width="94" height="20" fill="#3b3b3b"/>
                    <rect x="94" width="39" height="20" fill="#b3261e"/>
                    <g fill="#ffffff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
                    <text x="47" y="14">StackRatings</text>
                    <text x="113" y="14">Caa2</text>
                    </g>
                    </svg>
                    """)}))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = """
                            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
                             "detail": "member 'nimbus' does not exist", "instance": "/badges/nimbus.svg"}""")))
    public Response badge(@Parameter(description = "The member's slug", example = "aurora") @PathParam("member") String member,
                          @Context Request request) {
        Badge badge = ratings.summary(member).map(Badge::of).orElseThrow(() -> ProblemException.notFound("member", member));
        byte[] body = Templates.badge(badge).render().getBytes(StandardCharsets.UTF_8);
        EntityTag etag = RatingReadModel.etagOf(body);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder response = notModified != null ? notModified : Response.ok(body, SVG);
        return response.tag(etag).cacheControl(cacheControl).build();
    }
}

package org.stackratings.publish;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.rating.CurrentRating;
import org.stackratings.rating.Notch;
import org.stackratings.rating.RatingService;
import org.stackratings.web.PageRequest;
import org.stackratings.web.PageView;
import org.stackratings.web.ProblemException;

import java.util.List;
import java.util.Locale;

/** Public ratings: no key needed. */
@Path("/api/v1/ratings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings", description = "Current ratings of member clouds (public)")
public class RatingResource {

    private final RatingReadModel ratings;
    private final CacheControl cacheControl;

    public RatingResource(RatingReadModel ratings, PublishConfig config) {
        this.ratings = ratings;
        this.cacheControl = new CacheControl();
        this.cacheControl.setMaxAge((int) config.maxAge().toSeconds());
    }

    @GET
    @Operation(summary = "Current ratings", description = "Filter by minimum rating, region or assured grade; sort by rating (best first) or name.")
    public PageView<RatingSummaryView> list(@QueryParam("minRating") String minRating,
                                            @QueryParam("region") String region,
                                            @QueryParam("assuredOnly") boolean assuredOnly,
                                            @QueryParam("sort") String sort,
                                            @QueryParam("page") Integer page,
                                            @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        Notch min = minRating == null ? null : Notch.fromSymbol(minRating).filter(Notch::isRated).orElseThrow(() ->
                ProblemException.badRequest("minRating must be a notch from Aaa to C, got '" + minRating + "'"));
        RatingService.Sort order = parseSort(sort);
        List<CurrentRating> all = RatingService.select(ratings.all(), new RatingService.ListQuery(min, region, assuredOnly, order));
        List<RatingSummaryView> items = all.stream().skip(paging.offset()).limit(paging.size())
                .map(RatingSummaryView::of).toList();
        StringBuilder base = new StringBuilder("/api/v1/ratings?sort=").append(order.name().toLowerCase(Locale.ROOT));
        if (min != null) {
            base.append("&minRating=").append(min.symbol());
        }
        if (region != null) {
            base.append("&region=").append(java.net.URLEncoder.encode(region, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (assuredOnly) {
            base.append("&assuredOnly=true");
        }
        return PageView.of(items, paging, all.size(), base.toString());
    }

    @GET
    @Path("{member}")
    @Operation(summary = "A member's rating", description = "Rating, score, factors with sub-scores, caps, coverage and"
            + " methodology version. Served from memory with a strong ETag; send If-None-Match to get 304 while it is unchanged.")
    @APIResponse(responseCode = "200", description = "The rating",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CurrentRating.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such member",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = org.stackratings.web.Problem.class)))
    public Response get(@PathParam("member") String member, @Context Request request) {
        CachedJson rating = ratings.detail(member).orElseThrow(() -> ProblemException.notFound("member", member));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(rating.etag());
        Response.ResponseBuilder response = notModified != null ? notModified
                : Response.ok(rating.body(), MediaType.APPLICATION_JSON_TYPE);
        return response.tag(rating.etag()).cacheControl(cacheControl).build();
    }

    private static RatingService.Sort parseSort(String sort) {
        if (sort == null) {
            return RatingService.Sort.RATING;
        }
        try {
            return RatingService.Sort.valueOf(sort.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("sort must be 'rating' or 'name', got '" + sort + "'");
        }
    }
}

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.rating.CurrentRating;
import org.stackratings.rating.Notch;
import org.stackratings.rating.RatingService;
import org.stackratings.web.PageRequest;
import org.stackratings.web.PageView;
import org.stackratings.web.Problem;
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
    @APIResponse(responseCode = "200", description = "A page of ratings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = RatingSummaryView.class)),
                    examples = @ExampleObject(name = "dev mode", value = """
                            {"items": [
                              {"member": "aurora", "displayName": "Aurora (sandbox)", "region": "RegionOne", "rating": "Aaa",
                               "assured": true, "score": 99.68, "coverage": 0.9936, "methodologyVersion": "2026.1-draft+dev",
                               "effectiveSince": "2026-10-09T18:00:00Z", "computedAt": "2026-11-26T03:05:24.840932Z",
                               "href": "/api/v1/ratings/aurora"},
                              {"member": "borealis", "displayName": "Borealis (sandbox)", "region": "RegionOne", "rating": "A1",
                               "assured": true, "score": 72.57, "coverage": 0.9936, "methodologyVersion": "2026.1-draft+dev",
                               "effectiveSince": "2026-11-06T00:00:00Z", "computedAt": "2026-11-26T03:05:24.840932Z",
                               "href": "/api/v1/ratings/borealis"},
                              {"member": "cumulus", "displayName": "Cumulus (sandbox)", "region": "RegionOne", "rating": "B1",
                               "assured": false, "score": 31.08, "coverage": 0.9936, "methodologyVersion": "2026.1-draft+dev",
                               "effectiveSince": "2026-09-22T11:00:00Z", "computedAt": "2026-11-26T03:05:24.840932Z",
                               "href": "/api/v1/ratings/cumulus"},
                              {"member": "dustbowl", "displayName": "Dustbowl (sandbox)", "region": "RegionOne", "rating": "Caa2",
                               "assured": false, "score": 11.94, "coverage": 0.9936, "methodologyVersion": "2026.1-draft+dev",
                               "effectiveSince": "2026-09-01T01:00:00Z", "computedAt": "2026-11-26T03:05:24.840932Z",
                               "href": "/api/v1/ratings/dustbowl"}],
                             "page": 0, "size": 50, "total": 4,
                             "links": {"self": "/api/v1/ratings?sort=rating&page=0&size=50", "next": null, "prev": null}}""")))
    @APIResponse(responseCode = "400", description = "Unknown minRating or sort, or bad paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "unknown rating", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "minRating must be a notch from Aaa to C, got 'AAA1'", "instance": "/api/v1/ratings"}"""),
                    @ExampleObject(name = "unknown sort", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "sort must be 'rating' or 'name', got 'score'", "instance": "/api/v1/ratings"}""")}))
    public PageView<RatingSummaryView> list(@Parameter(description = "Lowest rating listed, Aaa … C", example = "Baa3") @QueryParam("minRating") String minRating,
                                            @Parameter(description = "Only members in this region", example = "RegionOne") @QueryParam("region") String region,
                                            @Parameter(description = "Only assured grade (Baa3 or better)") @QueryParam("assuredOnly") boolean assuredOnly,
                                            @Parameter(description = "rating (best first, default) or name", example = "name") @QueryParam("sort") String sort,
                                            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") Integer page,
                                            @Parameter(description = "Page size, 1–500 (default 50)", example = "50") @QueryParam("size") Integer size) {
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
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CurrentRating.class),
                    examples = @ExampleObject(name = "cumulus, capped (lists shortened)", value = """
                            {"member": "cumulus", "displayName": "Cumulus (sandbox)", "region": "RegionOne", "rating": "B1",
                             "assured": false, "indicatedRating": "B1", "outlook": "STABLE", "watch": null, "pending": null,
                             "score": 31.05, "scorecardNotch": "B1",
                             "factors": [
                               {"name": "availability", "weight": 40.0, "score": 14.08, "subFactors": [
                                 {"name": "apiAvailability", "value": 97.1286, "unit": "%", "category": "Caa", "score": 14.08, "weight": 1.0},
                                 {"name": "availability.compute", "value": 97.75, "unit": "%", "category": "Caa", "score": 18.05, "weight": 25.0},
                                 {"name": "availability.identity", "value": 95.03, "unit": "%", "category": "Caa", "score": 5.09, "weight": 25.0}]},
                               {"name": "latency", "weight": 15.0, "score": 51.58, "subFactors": [
                                 {"name": "latencyP50.compute.flavors.list", "value": 298.88, "unit": "ms", "category": "Ba", "score": 45.11, "weight": 3.0},
                                 {"name": "latencyP95.compute.flavors.list", "value": 821.76, "unit": "ms", "category": "Ba", "score": 41.68, "weight": 8.0},
                                 {"name": "latencyP99.compute.flavors.list", "value": 1246.72, "unit": "ms", "category": "Ba", "score": 49.12, "weight": 4.0}]},
                               {"name": "lifecycle", "weight": 20.0, "score": 58.47, "subFactors": [
                                 {"name": "bootSuccess", "value": 92.35, "unit": "%", "category": "B", "score": 27.05, "weight": 10.0},
                                 {"name": "timeToActiveP95", "value": 41.86, "unit": "s", "category": "Aa", "score": 83.14, "weight": 6.0},
                                 {"name": "deleteSuccess", "value": 100.0, "unit": "%", "category": "Aaa", "score": 100.0, "weight": 4.0}]},
                               {"name": "compliance", "weight": 15.0, "score": 19.21, "subFactors": [
                                 {"name": "requiredCapabilitiesPassing", "value": 89.47, "unit": "%", "category": "Caa", "score": 19.21, "weight": 1.0}]}],
                             "caps": [
                               {"code": "AVAILABILITY_BELOW_THRESHOLD", "cap": "B1", "text": "API availability 97.129 % is below 99.0 %"},
                               {"code": "COMPLIANCE_BELOW_THRESHOLD", "cap": "Ba1",
                                "text": "89.5 % of the checked required capabilities pass, below the guideline threshold of 95 % (failing: compute-quotas-get, compute-servers-list)"},
                               {"code": "BOOT_SUCCESS_BELOW_THRESHOLD", "cap": "Ba1", "text": "boot success (Wilson 95 % lower bound) 90.15 % is below 95 %"}],
                             "coverage": {"share": 0.9953, "measuredRuns": 5733, "expectedRuns": 5760, "history": "PT2160H8M5S"},
                             "notRatedReason": null, "methodologyVersion": "2026.1-draft+dev",
                             "windowStart": "2026-11-25T03:08:05.151622Z", "windowEnd": "2026-11-26T03:08:05.151622Z",
                             "effectiveSince": "2026-09-22T11:00:00Z", "computedAt": "2026-11-26T03:08:05.151622Z", "missingServices": [],
                             "lastAction": {"id": 83, "member": "cumulus", "action": "AFFIRMED", "rating": "B1", "previousRating": "B1",
                               "indicatedRating": "B1", "outlook": "STABLE", "watch": null, "score": 31.88,
                               "reason": "no change indicated for PT168H", "methodologyVersion": "2026.1-draft+dev",
                               "effectiveAt": "2026-11-19T06:00:00Z",
                               "rationale": {"indicated": "B1", "scorecardNotch": "B1", "score": 31.88,
                                 "factors": [{"name": "availability", "weight": 40.0, "score": 15.46, "subFactors": [
                                   {"name": "apiAvailability", "value": 97.3611, "unit": "%", "category": "Caa", "score": 15.46, "weight": 1.0}]}],
                                 "caps": [{"code": "AVAILABILITY_BELOW_THRESHOLD", "cap": "B1", "text": "API availability 97.361 % is below 99.0 %"}],
                                 "coverage": {"share": 1.0, "measuredRuns": 5760, "expectedRuns": 5760, "history": "PT1995H"},
                                 "notRatedReason": null, "methodologyVersion": "2026.1-draft+dev"}}}""")))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = """
                            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
                             "detail": "member 'nimbus' does not exist", "instance": "/api/v1/ratings/nimbus"}""")))
    public Response get(@Parameter(description = "The member's slug", example = "cumulus") @PathParam("member") String member,
                        @Context Request request) {
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

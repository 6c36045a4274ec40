package org.stackratings.publish.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.security.Roles;
import org.stackratings.web.Problem;
import org.stackratings.web.ProblemException;

/**
 * For exchanges (and admin), PRODUCT.md section 5: every rating action and every certification change of every member,
 * in publication order, read with a cursor.
 */
@Path("/api/v1/feed")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EXCHANGE, Roles.ADMIN})
@SecurityRequirement(name = "apiKey")
@Tag(name = "Feed", description = "All rating actions in order, for polling (exchanges, mirrors)")
public class FeedResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final String PATH = "/api/v1/feed";

    private final FeedService feed;

    public FeedResource(FeedService feed) {
        this.feed = feed;
    }

    @GET
    @Operation(summary = "Rating actions and certification changes after a cursor",
            description = "Answers up to `limit` entries after `since` (from the beginning without it): rating actions in `actions`,"
                    + " certification changes (issued, renewed, restored, at risk, lapsed) in `certifications`, each with its"
                    + " position `sequence`, and `next`, the cursor to pass next time. "
                    + "No action is missed or repeated across pages. Send the ETag back in If-None-Match to get 304 while nothing is new.")
    @APIResponse(responseCode = "200", description = "Actions after the cursor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedPage.class),
                    examples = {@ExampleObject(name = "limit=1", value = """
                            {"actions": [{"sequence": 1, "actionId": 1, "member": "aurora", "action": "ASSIGNED", "rating": "Aaa",
                                          "previousRating": "NR", "indicatedRating": "Aaa", "outlook": "STABLE", "watch": null,
                                          "score": 99.69, "reason": "first rating: enough data for the methodology's minimum",
                                          "methodologyVersion": "2026.1-draft+dev", "effectiveAt": "2026-08-28T04:00:00Z",
                                          "publishedAt": "2026-11-26T03:00:26.851611Z",
                                          "rationale": {"factors": {"availability": 100.0, "latency": 98.67, "lifecycle": 99.59,
                                                                    "compliance": 100.0},
                                                        "caps": [], "coverage": 1.0},
                                          "links": {"rating": "/api/v1/ratings/aurora", "actions": "/api/v1/ratings/aurora/actions"}}],
                             "certifications": [],
                             "next": "djE6MQ", "more": true,
                             "links": {"self": "/api/v1/feed?limit=1", "next": "/api/v1/feed?since=djE6MQ&limit=1"}}"""),
                            @ExampleObject(name = "a certification change", value = """
                            {"actions": [],
                             "certifications": [{"sequence": 412, "eventId": 7, "type": "org.stackratings.certification.at_risk",
                                                 "member": "borealis", "guideline": "2020.06", "target": "OpenStack Powered Compute",
                                                 "change": "AT_RISK", "status": "AT_RISK",
                                                 "runId": "01a215cb-cbca-71a4-bcb6-77555e97ed37",
                                                 "expiresAt": "2026-12-02T03:00:00Z", "lapsesAt": "2026-12-03T03:00:00Z",
                                                 "failing": ["compute-servers-resize"], "occurredAt": "2026-11-26T03:00:01Z",
                                                 "publishedAt": "2026-11-26T03:00:02.5Z",
                                                 "links": {"certification": "/api/v1/certifications/borealis",
                                                           "statement": "/api/v1/certifications/borealis/statement?guideline=2020.06",
                                                           "evidence": "/api/v1/certifications/borealis/runs/01a215cb-cbca-71a4-bcb6-77555e97ed37"}}],
                             "next": "djE6NDEy", "more": false,
                             "links": {"self": "/api/v1/feed?since=djE6NDEx&limit=100", "next": "/api/v1/feed?since=djE6NDEy&limit=100"}}""")}))
    @APIResponse(responseCode = "304", description = "Nothing new since the cursor (If-None-Match matched)")
    @APIResponse(responseCode = "400", description = "since is not a cursor of this feed, or limit is out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "not a cursor", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "since is not a feed cursor (use the 'next' value of a feed answer)", "instance": "/api/v1/feed"}"""),
                    @ExampleObject(name = "cursor ahead of the feed", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "since is ahead of the feed (the feed ends at an earlier cursor)", "instance": "/api/v1/feed"}"""),
                    @ExampleObject(name = "limit out of range", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "limit must be between 1 and 500, got 1000", "instance": "/api/v1/feed"}""")}))
    public Response read(@Parameter(description = "Opaque cursor: the `next` of an earlier answer") @QueryParam("since") String since,
                         @Parameter(description = "Actions per page, 1–500 (default 100)") @QueryParam("limit") Integer limit,
                         Request request) {
        FeedCursor cursor = FeedCursor.parse(since);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + size);
        }
        long head = feed.head();
        if (cursor.position() > head) {
            throw ProblemException.badRequest("since is ahead of the feed (the feed ends at an earlier cursor)");
        }
        // Positions have no gaps, so what a page holds follows from the cursor, the limit and the head alone.
        long last = Math.min(head, cursor.position() + size);
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        revalidate.setNoTransform(false);
        EntityTag current = tag(cursor, last, size, head > last);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(current);
        if (notModified != null) {
            return notModified.tag(current).cacheControl(revalidate).build();
        }
        FeedService.Slice slice = feed.after(cursor, size);
        String next = slice.next().encode();
        FeedPage page = new FeedPage(slice.actions(), slice.certifications(), next, slice.more(), new FeedPage.Links(
                link(since == null || since.isBlank() ? null : cursor.encode(), size), link(next, size)));
        EntityTag tag = tag(cursor, slice.next().position(), size, slice.more());
        return Response.ok(page).tag(tag).cacheControl(revalidate).build();
    }

    private static EntityTag tag(FeedCursor since, long last, int limit, boolean more) {
        return new EntityTag("feed-" + since.position() + "-" + last + "-" + limit + (more ? "-more" : ""));
    }

    private static String link(String cursor, int limit) {
        return PATH + "?" + (cursor == null ? "" : "since=" + cursor + "&") + "limit=" + limit;
    }
}

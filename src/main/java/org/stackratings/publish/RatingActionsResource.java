package org.stackratings.publish;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.member.MemberService;
import org.stackratings.rating.ActionView;
import org.stackratings.rating.RatingService;
import org.stackratings.web.PageRequest;
import org.stackratings.web.PageView;
import org.stackratings.web.ProblemException;

import java.util.List;

/** Public: a member's rating actions. */
@Path("/api/v1/ratings/{member}/actions")
@Produces(MediaType.APPLICATION_JSON)
public class RatingActionsResource {

    private final RatingService ratings;
    private final MemberService members;

    public RatingActionsResource(RatingService ratings, MemberService members) {
        this.ratings = ratings;
        this.members = members;
    }

    @GET
    @Tag(name = "Ratings")
    @Operation(summary = "Rating actions, newest first", description = "Append-only: ASSIGNED, UPGRADE, DOWNGRADE, AFFIRMED, WATCH_ON, WATCH_OFF, WITHDRAWN, each with its reason, rationale and methodology version.")
    public PageView<ActionView> actions(@PathParam("member") String member, @QueryParam("page") Integer page,
                                        @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        long memberId = members.memberId(member).orElseThrow(() -> ProblemException.notFound("member", member));
        List<ActionView> items = ratings.actions(member, paging.offset(), paging.size()).orElseThrow();
        return PageView.of(items, paging, ratings.countActions(memberId), "/api/v1/ratings/" + member + "/actions");
    }
}

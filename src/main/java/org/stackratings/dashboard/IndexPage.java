package org.stackratings.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.stackratings.rating.CurrentRating;
import org.stackratings.rating.RatingService;

import java.util.List;

/** The public landing page: every member with its current rating, and where to go next. */
@Path("/")
public class IndexPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<CurrentRating> ratings);
    }

    private final RatingService ratings;

    public IndexPage(RatingService ratings) {
        this.ratings = ratings;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance get() {
        return Templates.index(ratings.list(new RatingService.ListQuery(null, null, false, RatingService.Sort.RATING)));
    }
}

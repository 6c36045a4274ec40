package org.stackratings.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.stackratings.agency.MeterRefresh;
import org.stackratings.rating.CurrentRating;
import org.stackratings.rating.Notch;

import java.util.List;

/**
 * Each member's published rating as gauges, read from the in-memory published ratings at every metrics refresh:
 * {@code stackratings_rating_notch{member}} (1 for Aaa … 21 for C, 0 for NR and WR) and
 * {@code stackratings_rating_not_rated{member}} (1 while the member is NR, else 0). A removed member's series go
 * at the next refresh.
 */
@ApplicationScoped
public class RatingMetrics {

    private final RatingReadModel ratings;
    private final MultiGauge notch;
    private final MultiGauge notRated;

    public RatingMetrics(RatingReadModel ratings, MeterRegistry registry) {
        this.ratings = ratings;
        this.notch = MultiGauge.builder("stackratings.rating.notch")
                .description("A member's published rating: 1 for Aaa ... 21 for C, 0 for NR and WR")
                .register(registry);
        this.notRated = MultiGauge.builder("stackratings.rating.not.rated")
                .description("1 while a member is not rated (NR), else 0")
                .register(registry);
    }

    void register(@Observes StartupEvent event, MeterRefresh refresh) {
        refresh.register("ratings", this::refresh);
    }

    /** Removes the rows with the application, so that a registry that outlives it does not keep them (tests). */
    @PreDestroy
    void remove() {
        notch.register(List.of(), true);
        notRated.register(List.of(), true);
    }

    void refresh() {
        List<CurrentRating> all = ratings.all();
        notch.register(all.stream().map(r -> MultiGauge.Row.of(Tags.of("member", r.member()), r.rating().index()))
                .toList(), true);
        notRated.register(all.stream().map(r -> MultiGauge.Row.of(Tags.of("member", r.member()),
                r.rating() == Notch.NR ? 1 : 0)).toList(), true);
    }
}

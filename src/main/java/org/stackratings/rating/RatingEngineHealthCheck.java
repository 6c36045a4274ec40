package org.stackratings.rating;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.hibernate.Session;
import org.stackratings.agency.AgencyStart;
import org.stackratings.agency.HealthLog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Live and ready while ratings are made: DOWN when members are rated at all but the newest rating (made by any instance
 * of the cluster; the scheduled pass runs on one) is older than {@code stackratings.rating.stall-after}, and this
 * instance has run longer than that. Not judged while a replay holds the engine or when scheduled rating is off.
 */
@Liveness
@Readiness
@ApplicationScoped
public class RatingEngineHealthCheck implements HealthCheck {

    static final String NAME = "rating-engine";

    private final EntityManager em;
    private final LiveRatingHold hold;
    private final AgencyStart start;
    private final Clock clock;
    private final Optional<Duration> stallAfter;
    private final HealthLog log = new HealthLog(RatingEngineHealthCheck.class, NAME);

    RatingEngineHealthCheck(EntityManager em, LiveRatingHold hold, AgencyStart start, RatingConfig config, Clock clock) {
        this.em = em;
        this.hold = hold;
        this.start = start;
        this.clock = clock;
        this.stallAfter = scheduled(config.interval()) ? Optional.of(config.stallAfter()) : Optional.empty();
    }

    /** Whether a Quarkus scheduler interval schedules anything ({@code off} and {@code disabled} do not). */
    static boolean scheduled(String every) {
        String text = every.trim().toLowerCase(Locale.ROOT);
        return !text.isEmpty() && !text.equals("off") && !text.equals("disabled");
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = log.report(problem(clock.instant()));
        return problem.map(p -> HealthCheckResponse.named(NAME).down().withData("reason", p).build())
                .orElseGet(() -> HealthCheckResponse.up(NAME));
    }

    private Optional<String> problem(Instant now) {
        if (stallAfter.isEmpty() || hold.reason() != null || Duration.between(start.startedAt(), now).compareTo(stallAfter.get()) < 0) {
            return Optional.empty();
        }
        Optional<Instant> newest;
        try {
            newest = newestRating();
        } catch (RuntimeException e) {
            return Optional.of("the ratings cannot be read: " + e.getMessage());
        }
        if (newest.isPresent() && Duration.between(newest.get(), now).compareTo(stallAfter.get()) > 0) {
            return Optional.of("no member was rated since " + newest.get() + " (more than " + stallAfter.get() + ")");
        }
        return Optional.empty();
    }

    private Optional<Instant> newestRating() {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select max(computed_at) from rating");
                 ResultSet rows = select.executeQuery()) {
                OffsetDateTime newest = rows.next() ? rows.getObject(1, OffsetDateTime.class) : null;
                return Optional.ofNullable(newest).map(OffsetDateTime::toInstant);
            }
        }));
    }
}

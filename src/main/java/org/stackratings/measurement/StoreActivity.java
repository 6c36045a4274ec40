package org.stackratings.measurement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** When the newest stored measurement started, by any instance of the agency (one look-up of index measurement_started). */
@ApplicationScoped
public class StoreActivity {

    private final EntityManager em;

    StoreActivity(EntityManager em) {
        this.em = em;
    }

    public Optional<Instant> newestMeasurement() {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select max(started_at) from measurement");
                 ResultSet rows = select.executeQuery()) {
                OffsetDateTime newest = rows.next() ? rows.getObject(1, OffsetDateTime.class) : null;
                return Optional.ofNullable(newest).map(OffsetDateTime::toInstant);
            }
        }));
    }
}

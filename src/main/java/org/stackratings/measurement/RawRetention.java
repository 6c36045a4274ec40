package org.stackratings.measurement;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Deletes raw measurements older than {@code stackratings.measurement.raw-retention} (once per cluster, in batches
 * of their own transactions). Hourly rollups, probe runs and compliance results are kept: ratings need only those.
 */
@ApplicationScoped
public class RawRetention {

    private static final Logger LOG = Logger.getLogger(RawRetention.class);
    private static final int BATCH = 10_000;

    private final EntityManager em;
    private final MeasurementConfig config;
    private final Clock clock;

    public RawRetention(EntityManager em, MeasurementConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "raw-measurement-retention", every = "{stackratings.measurement.retention-interval}",
            delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int deleted = deleteExpired();
        if (deleted > 0) {
            LOG.infof("Deleted %d raw measurements older than %s (rollups kept)", deleted, config.rawRetention());
        }
    }

    /** Deletes raw measurements that started before now − raw retention; returns how many. */
    public int deleteExpired() {
        Instant cutoff = clock.instant().minus(config.rawRetention());
        int total = 0;
        while (true) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "delete from measurement where id in (select id from measurement where started_at < ?1"
                                    + " order by id limit " + BATCH + ")")
                    .setParameter(1, Timestamp.from(cutoff)).executeUpdate());
            total += deleted;
            if (deleted < BATCH) {
                return total;
            }
        }
    }
}

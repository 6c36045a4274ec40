package org.stackratings.certification;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.stackratings.agency.MeterRefresh;

import java.util.ArrayList;
import java.util.List;

/**
 * Every certificate as gauges, read from the database at every metrics refresh:
 * {@code stackratings_certification_status{member, guideline, target, status}} is 1 for the certificate's current
 * status (one series per certificate), and {@code stackratings_certification_lapses_at_timestamp_seconds{member,
 * guideline, target}} is when a certificate that was ever issued lapses (expiry + grace, Unix seconds).
 */
@ApplicationScoped
public class CertificationMetrics {

    static final int PAGE = 1000;

    private final Certifications certifications;
    private final MultiGauge status;
    private final MultiGauge lapsesAt;

    public CertificationMetrics(Certifications certifications, MeterRegistry registry) {
        this.certifications = certifications;
        this.status = MultiGauge.builder("stackratings.certification.status")
                .description("1 for a certificate's current status (CERTIFIED, AT_RISK, LAPSED, NOT_CERTIFIED)")
                .register(registry);
        this.lapsesAt = MultiGauge.builder("stackratings.certification.lapses.at.timestamp")
                .description("When a certificate lapses unless a passing run renews it (expiry + grace), Unix seconds")
                .baseUnit("seconds")
                .register(registry);
    }

    void register(@Observes StartupEvent event, MeterRefresh refresh) {
        refresh.register("certification", this::refresh);
    }

    /** Removes the rows with the application, so that a registry that outlives it does not keep them (tests). */
    @PreDestroy
    void remove() {
        status.register(List.of(), true);
        lapsesAt.register(List.of(), true);
    }

    void refresh() {
        List<MultiGauge.Row<?>> statuses = new ArrayList<>();
        List<MultiGauge.Row<?>> lapses = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            Certifications.Page page = certifications.list(null, null, offset, PAGE);
            for (CertificateView c : page.items()) {
                if (c.member() == null) {
                    continue; // its member was removed between the two reads; gone at the next refresh
                }
                Tags tags = Tags.of("member", c.member(), "guideline", c.guideline(), "target", c.target());
                statuses.add(MultiGauge.Row.of(tags.and("status", c.status().name()), 1));
                if (c.lapsesAt() != null) {
                    lapses.add(MultiGauge.Row.of(tags, c.lapsesAt().toEpochMilli() / 1000.0));
                }
            }
            if (page.items().size() < PAGE) {
                break;
            }
        }
        status.register(statuses, true);
        lapsesAt.register(lapses, true);
    }
}

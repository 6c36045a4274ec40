package org.stackratings.measurement.conformance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One capability's stored result in a conformance run ({@code conformance_result}). */
@Entity
@Table(name = "conformance_result")
class ConformanceResultRow extends PanacheEntityBase {

    @EmbeddedId
    Key id;
    @Enumerated(EnumType.STRING)
    ConformanceStatus status;
    /** The capability's place in the guideline's order. */
    int position;
    String reason;
    String evidence;

    @Embeddable
    record Key(@Column(name = "run_id") UUID runId, String capability) implements Serializable {
    }
}

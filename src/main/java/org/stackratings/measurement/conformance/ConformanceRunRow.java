package org.stackratings.measurement.conformance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored conformance run: its member, guideline and target, totals and evidence digest ({@code conformance_run}). */
@Entity
@Table(name = "conformance_run")
class ConformanceRunRow extends PanacheEntityBase {

    @Id
    @Column(name = "run_id")
    UUID runId;
    @Column(name = "member_id")
    long memberId;
    String guideline;
    String target;
    @Column(name = "finished_at")
    Instant finishedAt;
    int passed;
    int failed;
    @Column(name = "not_applicable")
    int notApplicable;
    @Column(name = "not_checked")
    int notChecked;
    @Column(name = "evidence_digest")
    String evidenceDigest;
}

package org.stackratings.certification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One change of a certificate ({@code certification_event}, append-only): the history, the feed and webhooks read it. */
@Entity
@Table(name = "certification_event")
class CertificationEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "certificate_id")
    long certificateId;
    @Enumerated(EnumType.STRING)
    CertificationChange change;
    @Enumerated(EnumType.STRING)
    CertificationStatus status;
    @Column(name = "run_id")
    UUID runId;
    @Column(name = "expires_at")
    Instant expiresAt;
    @Column(name = "lapses_at")
    Instant lapsesAt;
    String failing;
    @Column(name = "occurred_at")
    Instant occurredAt;
}

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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A member's certificate for one guideline and target ({@code certificate}); changed only by {@link Certifier}. */
@Entity
@Table(name = "certificate")
class Certificate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "member_id")
    long memberId;
    String guideline;
    String target;
    @Enumerated(EnumType.STRING)
    CertificationStatus status;
    @Column(name = "issued_at")
    Instant issuedAt;
    @Column(name = "passed_run_id")
    UUID passedRunId;
    @Column(name = "expires_at")
    Instant expiresAt;
    @Column(name = "lapses_at")
    Instant lapsesAt;
    String failing;
    @Column(name = "last_run_id")
    UUID lastRunId;
    @Column(name = "last_run_at")
    Instant lastRunAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "last_run_verdict")
    RunVerdict lastRunVerdict;
    @Column(name = "updated_at")
    Instant updatedAt;

    List<String> failingCapabilities() {
        return lines(failing);
    }

    static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    static String joined(List<String> capabilities) {
        return capabilities.isEmpty() ? null : String.join("\n", capabilities);
    }
}

package org.stackratings.measurement;

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

/** One stored result of one operation of one probe run. */
@Entity
@Table(name = "measurement")
public class Measurement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "member_id")
    public long memberId;
    public String vantage;
    public String probe;
    @Column(name = "run_id")
    public UUID runId;
    public String operation;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "duration_ms")
    public double durationMs;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "http_status")
    public Integer httpStatus;
    @Column(name = "error_class")
    public String errorClass;
    public String detail;
}

package org.stackratings.measurement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One execution of one probe against one member. */
@Entity
@Table(name = "probe_run")
public class ProbeRun extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "member_id")
    public long memberId;
    public String probe;
    public String vantage;
    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind")
    public RunTrigger trigger;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Enumerated(EnumType.STRING)
    public RunStatus status;
    public String summary;
    /** How many runs at the member's cadence this row stands for: 1 for every run a probe makes; more for imported history. */
    @Column(name = "covered_runs")
    public int coveredRuns = 1;
}

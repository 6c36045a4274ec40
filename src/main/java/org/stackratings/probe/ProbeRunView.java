package org.stackratings.probe;

import org.stackratings.measurement.MeasurementView;
import org.stackratings.measurement.RunStatus;
import org.stackratings.measurement.RunTrigger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A probe run and what it measured. */
public record ProbeRunView(UUID id, String member, String probe, String vantage, RunTrigger trigger, RunStatus status,
                           Instant startedAt, Instant finishedAt, String summary, List<MeasurementView> measurements) {
}

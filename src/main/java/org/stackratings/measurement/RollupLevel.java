package org.stackratings.measurement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The two levels of rollups: hourly rows and daily rows (the sum of the day's hourly rows, so a 30-day window reads
 * about 30 daily rows and the hours of its partial days instead of 720 hourly rows). Each level has a table of
 * measurements per operation ({@code measurement_rollup}, {@code measurement_rollup_day}) and one of completed runs
 * per probe ({@code probe_run_rollup}, {@code probe_run_rollup_day}), all folded in the storing transaction.
 */
enum RollupLevel {
    HOUR("measurement_rollup", "probe_run_rollup", "hour_start", ChronoUnit.HOURS),
    DAY("measurement_rollup_day", "probe_run_rollup_day", "day_start", ChronoUnit.DAYS);

    final String table;
    final String runTable;
    final String timeColumn;
    private final ChronoUnit unit;

    RollupLevel(String table, String runTable, String timeColumn, ChronoUnit unit) {
        this.table = table;
        this.runTable = runTable;
        this.timeColumn = timeColumn;
        this.unit = unit;
    }

    /** The start (UTC) of the hour or day that holds the instant. */
    Instant startOf(Instant instant) {
        return instant.truncatedTo(unit);
    }
}

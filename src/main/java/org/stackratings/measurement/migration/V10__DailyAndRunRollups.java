package org.stackratings.measurement.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.stackratings.measurement.RollupRebuild;

import java.sql.Statement;

/**
 * Migration V10 (Java, because the latency sketches of a day can only be summed by decoding them), for ratings that
 * read few rows per member:
 * <ul>
 *   <li>{@code measurement_rollup_day}: the same columns as {@code measurement_rollup}, with {@code day_start} (UTC
 *   midnight) for {@code hour_start}: the sum of the day's hourly rows;</li>
 *   <li>{@code probe_run_rollup} and {@code probe_run_rollup_day}: completed runs per member, vantage, probe and hour
 *   or day they started in (what coverage counts, instead of counting {@code probe_run} rows);</li>
 * </ul>
 * filled from the hourly rows and the runs that exist ({@link RollupRebuild}). Runs on H2
 * (PostgreSQL mode) and PostgreSQL. Quarkus registers the application's direct implementors of {@link JavaMigration}
 * at build time (its index does not see through Flyway's base class, hence the redundant {@code implements}) if they
 * lie under a Flyway location: this package is one ({@code quarkus.flyway.locations} in application.properties).
 */
public class V10__DailyAndRunRollups extends BaseJavaMigration implements JavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement ddl = context.getConnection().createStatement()) {
            ddl.execute("create table measurement_rollup_day ("
                    + " member_id bigint not null references member (id),"
                    + " vantage varchar(64) not null,"
                    + " probe varchar(32) not null,"
                    + " operation varchar(128) not null,"
                    + " day_start timestamp with time zone not null,"
                    + " ok_count bigint not null,"
                    + " error_count bigint not null,"
                    + " timeout_count bigint not null,"
                    + " inconclusive_count bigint not null,"
                    + " latency bytea,"
                    + " sum_ms double precision not null,"
                    + " min_ms double precision,"
                    + " max_ms double precision,"
                    + " primary key (member_id, vantage, probe, operation, day_start))");
            ddl.execute("create index measurement_rollup_day_member_probe_day on measurement_rollup_day (member_id, probe, day_start)");
            for (String[] level : new String[][]{{"probe_run_rollup", "hour_start"}, {"probe_run_rollup_day", "day_start"}}) {
                ddl.execute("create table " + level[0] + " ("
                        + " member_id bigint not null references member (id),"
                        + " vantage varchar(64) not null,"
                        + " probe varchar(32) not null,"
                        + " " + level[1] + " timestamp with time zone not null,"
                        + " completed_runs bigint not null,"
                        + " primary key (member_id, vantage, probe, " + level[1] + "))");
                ddl.execute("create index " + level[0] + "_member_probe on " + level[0] + " (member_id, probe, " + level[1] + ")");
            }
        }
        RollupRebuild.rebuild(context.getConnection());
    }
}

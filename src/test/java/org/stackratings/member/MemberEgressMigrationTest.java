package org.stackratings.member;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V13 on a database that already has members: they become https-only members without allowed ranges. Runs the
 * product's migrations on a database of its own (H2 in PostgreSQL mode, as the tests' database), not the application's.
 */
class MemberEgressMigrationTest {

    private static final String URL = "jdbc:h2:mem:member-egress-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Test
    void existingMembersGetHttpsOnlyAndNoRanges() throws SQLException {
        flyway("12").migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    insert into member (slug, display_name, auth_url, region, credential_type, secret_ciphertext,
                                        api_probe_enabled, api_probe_interval_seconds, status, created_at, updated_at)
                    values ('before-v13', 'Before V13', 'http://127.0.0.1:8780/aurora/identity/v3', 'RegionOne', 'PASSWORD',
                            'v1:x', true, 60, 'ACTIVE', current_timestamp, current_timestamp)""");
        }

        assertThat(flyway(null).migrate().migrationsExecuted).isPositive();

        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("select insecure, allowed_ranges from member where slug = 'before-v13'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getBoolean("insecure")).isFalse();
            assertThat(row.wasNull()).isFalse();
            assertThat(row.getString("allowed_ranges")).isNull();
        }
        Member member = new Member();
        member.allowedRanges = null;
        assertThat(member.allowedRangeList()).isEmpty();
    }

    private static Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(URL, "sa", "")
                .locations("classpath:db/migration", "classpath:org/stackratings/measurement/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }
}

package org.stackratings.measurement;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class MigrationTest {

    @Inject
    Flyway flyway;

    @Test
    void appliesEveryMigrationWithoutPendingOnes() {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(Arrays.stream(applied).map(MigrationInfo::getVersion).map(Object::toString))
                .contains("1", "2");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(Arrays.stream(applied).allMatch(m -> m.getState().isApplied() && !m.getState().isFailed())).isTrue();
    }
}

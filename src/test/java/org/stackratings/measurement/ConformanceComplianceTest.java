package org.stackratings.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stackratings.certification.CertificationFixture;

/** The rating's compliance factor reads a member's latest conformance run when it has one. */
@QuarkusTest
class ConformanceComplianceTest {

    @Inject
    WindowStatisticsQuery statistics;

    @Test
    void theLatestConformanceRunIsTheComplianceTheRatingReads() {
        CertificationFixture.Member member = CertificationFixture.member("conformance-rated");
        Instant now = Instant.now();
        assertThat(statistics.forWindow(member.id(), now.minus(Duration.ofDays(1)), now).compliance())
                .as("nothing checked yet").isNull();

        CertificationFixture.passing(member, now.minus(Duration.ofHours(2)));
        CertificationFixture.failing(member, now.minus(Duration.ofHours(1)), "compute-keypairs-create");

        WindowStatistics.ComplianceSummary compliance = statistics.forWindow(member.id(),
                now.minus(Duration.ofDays(1)), now.plusSeconds(1)).compliance();
        assertThat(compliance.failedCapabilities()).containsExactly("compute-keypairs-create");
        assertThat(compliance.failed()).isEqualTo(1);
        assertThat(compliance.passed()).isEqualTo(CertificationFixture.CAPABILITIES.size() - 1);
        assertThat(compliance.guideline()).isEqualTo("2020.06");
    }
}

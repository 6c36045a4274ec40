package org.stackratings.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.certification.CertificationFixture.GUIDELINE;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stackratings.certification.CertificationFixture.Member;
import org.stackratings.sandbox.MutableClock;

/**
 * Certificate states (docs/certification.md): issue, renewal, at risk and restore, lapse at expiry + grace on the
 * agency's clock, and the runs that change nothing (older, incomplete, failing before any certificate).
 */
@QuarkusTest
class CertifierTest {

    private static final Duration VALIDITY = Duration.ofDays(7);
    private static final Duration GRACE = Duration.ofDays(1);

    @Inject
    Certifier certifier;
    @Inject
    Certifications certifications;

    MutableClock clock;
    Instant t0;

    @BeforeEach
    void clock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        clock = new MutableClock(t0);
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void aPassingRunIssuesAndTheNextRenews() {
        Member member = CertificationFixture.member("cert-issue");
        UUID first = CertificationFixture.passing(member, t0);

        CertificateView issued = only(member);
        assertThat(issued.status()).isEqualTo(CertificationStatus.CERTIFIED);
        assertThat(issued.valid()).isTrue();
        assertThat(issued.issuedAt()).isEqualTo(t0);
        assertThat(issued.passedRunId()).isEqualTo(first);
        assertThat(issued.expiresAt()).isEqualTo(t0.plus(VALIDITY));
        assertThat(issued.lapsesAt()).isEqualTo(t0.plus(VALIDITY).plus(GRACE));
        assertThat(changes(issued)).containsExactly(CertificationChange.ISSUED);

        clock.advance(Duration.ofDays(1));
        UUID second = CertificationFixture.passing(member, clock.instant());
        CertificateView renewed = only(member);
        assertThat(renewed.status()).isEqualTo(CertificationStatus.CERTIFIED);
        assertThat(renewed.issuedAt()).as("a renewal keeps the first issue").isEqualTo(t0);
        assertThat(renewed.passedRunId()).isEqualTo(second);
        assertThat(renewed.expiresAt()).isEqualTo(t0.plus(Duration.ofDays(1)).plus(VALIDITY));
        assertThat(changes(renewed)).containsExactly(CertificationChange.RENEWED, CertificationChange.ISSUED);
        assertThat(certifications.holdsValid(member.slug(), GUIDELINE)).isTrue();
        assertThat(certifications.holdsValid(member.slug(), "2025.11")).isFalse();
    }

    @Test
    void aFailingRunPutsTheCertificateAtRiskWithoutRevokingItAndAPassRestoresIt() {
        Member member = CertificationFixture.member("cert-risk");
        CertificationFixture.passing(member, t0);
        clock.advance(Duration.ofHours(1));
        CertificationFixture.failing(member, clock.instant(), "compute-keypairs-create");

        CertificateView atRisk = only(member);
        assertThat(atRisk.status()).isEqualTo(CertificationStatus.AT_RISK);
        assertThat(atRisk.valid()).as("still counted until it lapses").isTrue();
        assertThat(atRisk.failing()).containsExactly("compute-keypairs-create");
        assertThat(atRisk.expiresAt()).as("the expiry of the passing run stays").isEqualTo(t0.plus(VALIDITY));
        assertThat(certifications.history(atRisk, 10).get(0).failing()).containsExactly("compute-keypairs-create");

        clock.advance(Duration.ofHours(1));
        CertificationFixture.failing(member, clock.instant(), "compute-keypairs-create");
        assertThat(changes(only(member))).as("the same failure again is no change")
                .containsExactly(CertificationChange.AT_RISK, CertificationChange.ISSUED);
        CertificationFixture.failing(member, clock.instant().plusSeconds(1), "compute-keypairs-create",
                "compute-servers-create");
        assertThat(only(member).failing()).containsExactly("compute-servers-create", "compute-keypairs-create");
        assertThat(changes(only(member))).as("other capabilities failing is a change")
                .containsExactly(CertificationChange.AT_RISK, CertificationChange.AT_RISK, CertificationChange.ISSUED);

        clock.advance(Duration.ofHours(1));
        CertificationFixture.passing(member, clock.instant());
        CertificateView restored = only(member);
        assertThat(restored.status()).isEqualTo(CertificationStatus.CERTIFIED);
        assertThat(restored.failing()).isEmpty();
        assertThat(restored.expiresAt()).isEqualTo(clock.instant().plus(VALIDITY));
        assertThat(changes(restored).get(0)).isEqualTo(CertificationChange.RESTORED);
    }

    @Test
    void aCertificateLapsesAtExpiryPlusGraceUnlessRenewed() {
        Member member = CertificationFixture.member("cert-lapse");
        CertificationFixture.passing(member, t0);
        CertificationFixture.failing(member, t0.plusSeconds(60), "compute-servers-create");

        clock.set(t0.plus(VALIDITY).plus(GRACE).minusMillis(1));
        certifier.lapseDue();
        CertificateView inGrace = only(member);
        assertThat(inGrace.status()).as("past expiry, within grace").isEqualTo(CertificationStatus.AT_RISK);
        assertThat(inGrace.valid()).isTrue();

        clock.set(t0.plus(VALIDITY).plus(GRACE));
        assertThat(only(member).valid()).as("not counted from the lapse time, job or not").isFalse();
        assertThat(certifier.lapseDue()).isGreaterThanOrEqualTo(1);
        CertificateView lapsed = only(member);
        assertThat(lapsed.status()).isEqualTo(CertificationStatus.LAPSED);
        assertThat(changes(lapsed)).containsExactly(CertificationChange.LAPSED, CertificationChange.AT_RISK,
                CertificationChange.ISSUED);
        assertThat(certifications.history(lapsed, 1).get(0).occurredAt()).isEqualTo(lapsed.lapsesAt());
        assertThat(certifications.holdsValid(member.slug(), GUIDELINE)).isFalse();
        certifier.lapseDue();
        assertThat(changes(only(member))).as("lapses once").hasSize(3);

        clock.advance(Duration.ofHours(1));
        CertificationFixture.passing(member, clock.instant());
        CertificateView again = only(member);
        assertThat(again.status()).isEqualTo(CertificationStatus.CERTIFIED);
        assertThat(again.issuedAt()).as("issued anew").isEqualTo(clock.instant());
        assertThat(changes(again).get(0)).isEqualTo(CertificationChange.ISSUED);
    }

    @Test
    void twoLapseJobsAtOnceLapseACertificateOnce() throws Exception {
        Member member = CertificationFixture.member("cert-lapse-twice");
        CertificationFixture.passing(member, t0);
        clock.set(t0.plus(VALIDITY).plus(GRACE).plusSeconds(1));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                jobs.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return certifier.lapseDue();
                }));
            }
            for (Future<Integer> job : jobs) {
                job.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(only(member).status()).isEqualTo(CertificationStatus.LAPSED);
        assertThat(changes(only(member))).as("one LAPSED event").containsExactly(CertificationChange.LAPSED,
                CertificationChange.ISSUED);
    }

    @Test
    void aRunThatFinishedAfterTheLapseTimeLapsesTheCertificateBeforeItCounts() {
        Member member = CertificationFixture.member("cert-late-job");
        CertificationFixture.passing(member, t0);
        clock.set(t0.plus(VALIDITY).plus(GRACE).plusSeconds(5));
        CertificationFixture.passing(member, clock.instant());
        assertThat(changes(only(member))).containsExactly(CertificationChange.ISSUED, CertificationChange.LAPSED,
                CertificationChange.ISSUED);
    }

    @Test
    void aRunStoredButNeverAppliedIsCaughtUpOn() {
        Member member = CertificationFixture.member("cert-catch-up");
        CertificationFixture.passing(member, t0);
        UUID unapplied = CertificationFixture.storedWithoutApplying(member, t0.plusSeconds(60), "compute-servers-create");
        assertThat(only(member).lastRunId()).as("as if the instance died after the commit").isNotEqualTo(unapplied);

        assertThat(certifier.catchUp(100)).isGreaterThanOrEqualTo(1);
        CertificateView caughtUp = only(member);
        assertThat(caughtUp.lastRunId()).isEqualTo(unapplied);
        assertThat(caughtUp.status()).isEqualTo(CertificationStatus.AT_RISK);
        assertThat(changes(caughtUp)).containsExactly(CertificationChange.AT_RISK, CertificationChange.ISSUED);
        certifier.catchUp(100);
        assertThat(changes(only(member))).as("applied once").hasSize(2);
    }

    @Test
    void anOlderRunArrivingLateChangesNothing() {
        Member member = CertificationFixture.member("cert-old");
        UUID newer = CertificationFixture.passing(member, t0);
        CertificationFixture.failing(member, t0.minusSeconds(3600), "compute-servers-create");
        CertificateView c = only(member);
        assertThat(c.status()).isEqualTo(CertificationStatus.CERTIFIED);
        assertThat(c.lastRunId()).isEqualTo(newer);
        assertThat(c.failing()).isEmpty();
        assertThat(changes(c)).containsExactly(CertificationChange.ISSUED);
        assertThat(certifier.apply(newer)).as("a run applied twice changes nothing the second time").isEmpty();
    }

    @Test
    void aRunTheAgencyCouldNotCompleteChangesNothing() {
        Member member = CertificationFixture.member("cert-incomplete");
        CertificationFixture.incomplete(member, t0);
        CertificateView never = only(member);
        assertThat(never.status()).isEqualTo(CertificationStatus.NOT_CERTIFIED);
        assertThat(never.lastRunVerdict()).isEqualTo(RunVerdict.INCOMPLETE);
        assertThat(changes(never)).isEmpty();

        CertificationFixture.passing(member, t0.plusSeconds(60));
        CertificationFixture.incomplete(member, t0.plusSeconds(120));
        CertificateView c = only(member);
        assertThat(c.status()).isEqualTo(CertificationStatus.CERTIFIED);
        assertThat(c.expiresAt()).as("not renewed by an incomplete run").isEqualTo(t0.plusSeconds(60).plus(VALIDITY));
        assertThat(c.lastRunVerdict()).isEqualTo(RunVerdict.INCOMPLETE);
        assertThat(changes(c)).containsExactly(CertificationChange.ISSUED);
    }

    @Test
    void aFailingRunBeforeAnyCertificateIssuesNothing() {
        Member member = CertificationFixture.member("cert-never");
        CertificationFixture.failing(member, t0, "compute-servers-create");
        CertificateView c = only(member);
        assertThat(c.status()).isEqualTo(CertificationStatus.NOT_CERTIFIED);
        assertThat(c.valid()).isFalse();
        assertThat(c.failing()).containsExactly("compute-servers-create");
        assertThat(changes(c)).isEmpty();
        assertThat(certifications.statement(c)).isEmpty();
    }

    private CertificateView only(Member member) {
        List<CertificateView> all = certifications.ofMember(member.slug()).orElseThrow();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<CertificationChange> changes(CertificateView certificate) {
        return certifications.history(certificate, 50).stream().map(CertificationEventView::change).toList();
    }
}

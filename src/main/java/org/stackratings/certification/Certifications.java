package org.stackratings.certification;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.stackratings.measurement.conformance.CapabilityOutcome;
import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.measurement.conformance.ConformanceStatus;
import org.stackratings.measurement.conformance.ConformanceStore;
import org.stackratings.member.MemberService;
import org.stackratings.member.MemberStatusView;
import org.stackratings.statement.CertificationClaims;
import org.stackratings.statement.SignedStatement;
import org.stackratings.statement.StatementSigner;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads certificates (docs/certification.md): lists them, a member's with their history, whether a member holds a
 * valid one (the gate), their signed statements, the events the feed publishes and the evidence of the runs they
 * stand on. Only {@link Certifier} changes them.
 */
@ApplicationScoped
public class Certifications {

    private final MemberService members;
    private final ConformanceStore conformance;
    private final StatementSigner signer;
    private final Clock clock;

    public Certifications(MemberService members, ConformanceStore conformance, StatementSigner signer, Clock clock) {
        this.members = members;
        this.conformance = conformance;
        this.signer = signer;
        this.clock = clock;
    }

    /** A page of certificates and how many match in all. */
    public record Page(List<CertificateView> items, long total) {
    }

    /** Certificates, optionally of one guideline and in one status, by member id then guideline and target. */
    @Transactional
    public Page list(String guideline, CertificationStatus status, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (guideline != null) {
            where.add("guideline = :guideline");
            parameters.and("guideline", guideline);
        }
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        String query = String.join(" and ", where);
        var found = Certificate.<Certificate>find(query, Sort.by("memberId").and("guideline").and("target"), parameters);
        List<Certificate> page = found.range(offset, offset + limit - 1).list();
        Map<Long, String> slugs = slugs();
        Instant now = clock.instant();
        return new Page(page.stream().map(c -> CertificateView.of(c, slugs.get(c.memberId), now)).toList(),
                found.count());
    }

    /** The member's certificates, every guideline and target; empty when there is no such member. */
    @Transactional
    public Optional<List<CertificateView>> ofMember(String slug) {
        Optional<Long> id = members.memberId(slug);
        Instant now = clock.instant();
        return id.map(memberId -> Certificate.<Certificate>list("memberId", Sort.by("guideline").and("target"), memberId)
                .stream().map(c -> CertificateView.of(c, slug, now)).toList());
    }

    /** A certificate's changes, newest first, at most {@code limit}. */
    @Transactional
    public List<CertificationEventView> history(CertificateView certificate, int limit) {
        Certificate c = Certificate.findById(certificate.id());
        return CertificationEvent.<CertificationEvent>find("certificateId", Sort.descending("id"), certificate.id())
                .range(0, limit - 1).list().stream()
                .map(e -> CertificationEventView.of(e, c, certificate.member())).toList();
    }

    /** Whether the member holds a valid certificate (CERTIFIED or AT_RISK, before its lapse time) for the guideline. */
    @Transactional
    public boolean holdsValid(String slug, String guideline) {
        return ofMember(slug).orElse(List.of()).stream()
                .anyMatch(c -> c.guideline().equals(guideline) && c.valid());
    }

    /**
     * The signed statement of a certificate that was ever issued: what the passing run it stands on passed, its
     * evidence digest, its expiry and the certificate's status now. Empty for a member never certified.
     */
    @Transactional
    public Optional<SignedStatement> statement(CertificateView certificate) {
        if (certificate.passedRunId() == null || certificate.issuedAt() == null) {
            return Optional.empty();
        }
        ConformanceOutcome passed = conformance.run(certificate.passedRunId()).orElseThrow(() ->
                new IllegalStateException("certificate " + certificate.id() + " stands on run "
                        + certificate.passedRunId() + ", which is not stored"));
        List<String> capabilities = passed.capabilities().stream().filter(c -> c.status() == ConformanceStatus.PASS)
                .map(CapabilityOutcome::capability).toList();
        return Optional.of(signer.signCertification(new CertificationClaims(certificate.member(),
                certificate.guideline(), certificate.target(), certificate.target(), capabilities,
                passed.evidenceDigest(), passed.finishedAt(), certificate.expiresAt(), certificate.status().name(),
                certificate.status() == CertificationStatus.AT_RISK ? certificate.failing() : List.of())));
    }

    /**
     * The certificate a statement or badge of the member is about: of the guideline if one is given; of those, the
     * valid one changed last, else the one changed last.
     */
    public static Optional<CertificateView> choose(List<CertificateView> certificates, String guideline) {
        return certificates.stream().filter(c -> guideline == null || c.guideline().equals(guideline))
                .max(Comparator.comparing(CertificateView::valid).thenComparing(CertificateView::updatedAt));
    }

    /** The events with these ids (the feed's certification entries), by id. */
    @Transactional
    public Map<Long, CertificationEventView> events(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<CertificationEvent> events = CertificationEvent.list("id in ?1", ids);
        Map<Long, Certificate> certificates = Certificate.<Certificate>list("id in ?1",
                        events.stream().map(e -> e.certificateId).distinct().toList())
                .stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<Long, String> slugs = slugs();
        return events.stream().collect(Collectors.toMap(e -> e.id, e -> {
            Certificate c = certificates.get(e.certificateId);
            return CertificationEventView.of(e, c, slugs.get(c.memberId));
        }));
    }

    /** A conformance run of the member (the evidence a certificate or its history links to); empty if not its run. */
    @Transactional
    public Optional<ConformanceOutcome> run(String slug, UUID runId) {
        Optional<Long> memberId = members.memberId(slug);
        return memberId.flatMap(id -> conformance.run(runId).filter(r -> r.memberId() == id));
    }

    private Map<Long, String> slugs() {
        return members.allStatuses().stream().collect(Collectors.toMap(MemberStatusView::id, MemberStatusView::slug));
    }
}

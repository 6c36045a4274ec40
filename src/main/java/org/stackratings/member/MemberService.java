package org.stackratings.member;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.stackratings.security.CredentialCipher;
import org.stackratings.web.PageRequest;
import org.stackratings.web.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Onboarding, replacing and withdrawing members; the only code that decrypts their credentials. */
@ApplicationScoped
public class MemberService {

    private final CredentialCipher cipher;
    private final MemberDefaults defaults;
    private final EndpointRules endpoints;
    private final Event<MemberChanged> changes;
    private final Clock clock;

    public MemberService(CredentialCipher cipher, MemberDefaults defaults, EndpointRules endpoints,
                         Event<MemberChanged> changes, Clock clock) {
        this.cipher = cipher;
        this.endpoints = endpoints;
        this.defaults = defaults;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Onboards a member. A taken slug is a 409 before anything else; the endpoints are checked ({@link EndpointRules},
     * which may ask DNS) between two short transactions, so no database connection waits for a resolver.
     */
    public MemberView create(MemberRequest request) {
        if (request.slug() == null) {
            throw ProblemException.badRequest("slug: required");
        }
        if (request.credentials() == null) {
            throw ProblemException.badRequest("credentials: required when onboarding a member");
        }
        QuarkusTransaction.joiningExisting().run(() -> refuseTakenSlug(request.slug()));
        List<String> ranges = endpoints.check(request);
        return QuarkusTransaction.joiningExisting().call(() -> {
            refuseTakenSlug(request.slug());
            Member member = new Member();
            member.slug = request.slug();
            member.status = MemberStatus.ACTIVE;
            member.createdAt = clock.instant();
            apply(member, request, ranges);
            member.persist();
            changes.fire(new MemberChanged(member.slug, MemberChanged.Kind.CREATED));
            return MemberView.of(member);
        });
    }

    /** Replaces a member's settings: an unknown member is a 404 and a withdrawn one a 409 before its endpoints are checked as for {@link #create}. */
    public MemberView replace(String slug, MemberRequest request) {
        if (request.slug() != null && !request.slug().equals(slug)) {
            throw ProblemException.badRequest("slug: '" + request.slug() + "' in the body differs from the path ('" + slug + "'); a slug cannot change");
        }
        QuarkusTransaction.joiningExisting().run(() -> activeMember(slug));
        List<String> ranges = endpoints.check(request);
        return QuarkusTransaction.joiningExisting().call(() -> {
            Member member = activeMember(slug);
            if (request.credentials() == null && member.credentialType == null) {
                throw ProblemException.badRequest("credentials: required (none are stored for this member)");
            }
            apply(member, request, ranges);
            changes.fire(new MemberChanged(slug, MemberChanged.Kind.UPDATED));
            return MemberView.of(member);
        });
    }

    @Transactional
    public void withdraw(String slug) {
        Member member = activeMember(slug);
        member.status = MemberStatus.WITHDRAWN;
        member.withdrawnAt = clock.instant();
        member.updatedAt = member.withdrawnAt;
        changes.fire(new MemberChanged(slug, MemberChanged.Kind.WITHDRAWN));
    }

    @Transactional
    public Optional<MemberView> find(String slug) {
        return Member.findBySlug(slug).map(MemberView::of);
    }

    @Transactional
    public List<MemberView> list(PageRequest page) {
        return Member.findAll(io.quarkus.panache.common.Sort.by("slug")).page(page.page(), page.size())
                .<Member>list().stream().map(MemberView::of).toList();
    }

    @Transactional
    public long count() {
        return Member.count();
    }

    /** Probe schedules of the active members. */
    @Transactional
    public List<MemberSchedule> schedules() {
        return Member.listActive().stream().map(MemberService::schedule).toList();
    }

    /** The probe schedule of one member; empty when it does not exist or was withdrawn. */
    @Transactional
    public Optional<MemberSchedule> schedule(String slug) {
        return Member.findBySlug(slug).filter(m -> m.status == MemberStatus.ACTIVE).map(MemberService::schedule);
    }

    private static MemberSchedule schedule(Member m) {
        return new MemberSchedule(m.slug, when(m.apiProbeEnabled, m.apiProbeIntervalSeconds),
                when(m.lifecycleProbeEnabled, m.lifecycleProbeIntervalSeconds),
                when(m.complianceProbeEnabled, m.complianceProbeIntervalSeconds),
                when(m.conformanceProbeEnabled, m.conformanceProbeIntervalSeconds));
    }

    private static Optional<Duration> when(boolean enabled, int seconds) {
        return enabled ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    }

    /** Every member, withdrawn or not, for rating. */
    @Transactional
    public List<MemberStatusView> allStatuses() {
        return Member.<Member>listAll(io.quarkus.panache.common.Sort.by("slug")).stream().map(MemberStatusView::of).toList();
    }

    /** One member, withdrawn or not. */
    @Transactional
    public Optional<MemberStatusView> status(String slug) {
        return Member.findBySlug(slug).map(MemberStatusView::of);
    }

    /** The database id of a member, withdrawn or not. */
    @Transactional
    public Optional<Long> memberId(String slug) {
        return Member.findBySlug(slug).map(m -> m.id);
    }

    /** The decrypted settings a probe needs; empty when the member does not exist or was withdrawn. */
    @Transactional
    public Optional<MemberAccount> account(String slug) {
        return Member.findBySlug(slug).filter(m -> m.status == MemberStatus.ACTIVE).map(m -> new MemberAccount(
                m.id, m.slug, m.authUrl, m.region, m.projectId, m.projectName, m.projectDomain,
                m.credentialType, m.username, m.userDomain, m.applicationCredentialId,
                cipher.decrypt(m.secretCiphertext, m.slug), m.allowedHostList(),
                Duration.ofSeconds(m.apiProbeIntervalSeconds), m.probeFlavor, m.probeImage, m.probeNetwork,
                m.insecure, m.allowedRangeList(), m.probeFlavorAlt));
    }

    private static void refuseTakenSlug(String slug) {
        if (Member.findBySlug(slug).isPresent()) {
            throw ProblemException.conflict("member '" + slug + "' already exists (slugs of withdrawn members are not reused)");
        }
    }

    private Member activeMember(String slug) {
        Member member = Member.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("member", slug));
        if (member.status == MemberStatus.WITHDRAWN) {
            throw ProblemException.conflict("member '" + slug + "' was withdrawn on " + member.withdrawnAt + " and cannot change");
        }
        return member;
    }

    private void apply(Member member, MemberRequest request, List<String> allowedRanges) {
        member.displayName = blankToNull(request.displayName()) == null ? member.slug : request.displayName().trim();
        member.providerName = blankToNull(request.providerName());
        member.authUrl = request.authUrl().trim();
        member.region = request.region().trim();
        member.projectId = blankToNull(request.project().id());
        member.projectName = blankToNull(request.project().name());
        member.projectDomain = blankToNull(request.project().domain()) == null ? "Default" : request.project().domain().trim();
        MemberRequest.Credentials credentials = request.credentials();
        if (credentials != null) {
            member.credentialType = credentials.type();
            member.username = credentials.type() == CredentialType.PASSWORD ? credentials.username().trim() : null;
            member.userDomain = credentials.type() == CredentialType.PASSWORD
                    ? (blankToNull(credentials.userDomain()) == null ? "Default" : credentials.userDomain().trim()) : null;
            member.applicationCredentialId = credentials.type() == CredentialType.APPLICATION_CREDENTIAL
                    ? credentials.applicationCredentialId().trim() : null;
            member.secretCiphertext = cipher.encrypt(credentials.secret(), member.slug);
        }
        member.allowedHosts = request.allowedHosts() == null ? null
                : String.join(",", request.allowedHosts().stream().map(String::trim).map(String::toLowerCase).toList());
        member.insecure = Boolean.TRUE.equals(request.insecure());
        member.allowedRanges = allowedRanges.isEmpty() ? null : String.join(",", allowedRanges);
        MemberRequest.Probes probes = request.probes() == null ? new MemberRequest.Probes(null, null, null, null)
                : request.probes();
        MemberRequest.ApiProbe api = probes.api();
        member.apiProbeEnabled = api == null || api.enabled() == null || api.enabled();
        member.apiProbeIntervalSeconds = seconds("api", api == null ? null : api.interval(), defaults.apiInterval());
        MemberRequest.LifecycleProbe lifecycle = probes.lifecycle();
        member.lifecycleProbeEnabled = lifecycle != null && Boolean.TRUE.equals(lifecycle.enabled());
        member.lifecycleProbeIntervalSeconds = seconds("lifecycle", lifecycle == null ? null : lifecycle.interval(),
                defaults.lifecycleInterval());
        member.probeFlavor = lifecycle == null ? null : blankToNull(lifecycle.flavor());
        member.probeImage = lifecycle == null ? null : blankToNull(lifecycle.image());
        member.probeNetwork = lifecycle == null ? null : blankToNull(lifecycle.network());
        MemberRequest.ComplianceProbe compliance = probes.compliance();
        member.complianceProbeEnabled = compliance != null && Boolean.TRUE.equals(compliance.enabled());
        member.complianceProbeIntervalSeconds = seconds("compliance", compliance == null ? null : compliance.interval(),
                defaults.complianceInterval());
        MemberRequest.ConformanceProbe conformance = probes.conformance();
        member.conformanceProbeEnabled = conformance != null && Boolean.TRUE.equals(conformance.enabled());
        member.conformanceProbeIntervalSeconds = seconds("conformance", conformance == null ? null
                : conformance.interval(), defaults.conformanceInterval());
        member.probeFlavorAlt = conformance == null ? null : blankToNull(conformance.flavorAlt());
        member.updatedAt = clock.instant();
    }

    private int seconds(String probe, Duration requested, Duration fallback) {
        if (requested == null) {
            return (int) fallback.toSeconds();
        }
        if (requested.compareTo(defaults.minApiInterval()) < 0 || requested.compareTo(Duration.ofDays(7)) > 0) {
            throw ProblemException.badRequest("probes." + probe + ".interval: must be between " + defaults.minApiInterval()
                    + " and P7D, got " + requested);
        }
        return (int) requested.toSeconds();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}

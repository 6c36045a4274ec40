package org.stackratings.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One OpenStack cloud region of one provider. Never serialized: see {@link MemberView}. */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "provider_name")
    public String providerName;
    @Column(name = "auth_url")
    public String authUrl;
    public String region;
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "project_name")
    public String projectName;
    @Column(name = "project_domain")
    public String projectDomain;
    @Enumerated(EnumType.STRING)
    @Column(name = "credential_type")
    public CredentialType credentialType;
    public String username;
    @Column(name = "user_domain")
    public String userDomain;
    @Column(name = "application_credential_id")
    public String applicationCredentialId;
    @Column(name = "secret_ciphertext")
    public String secretCiphertext;
    @Column(name = "allowed_hosts")
    public String allowedHosts;
    /** Plain http allowed for this member's cloud (migration V13). */
    public boolean insecure;
    /** Comma-separated CIDR blocks, canonical: non-public ranges this member's cloud may be reached at. */
    @Column(name = "allowed_ranges")
    public String allowedRanges;
    @Column(name = "api_probe_enabled")
    public boolean apiProbeEnabled;
    @Column(name = "api_probe_interval_seconds")
    public int apiProbeIntervalSeconds;
    @Column(name = "lifecycle_probe_enabled")
    public boolean lifecycleProbeEnabled;
    @Column(name = "lifecycle_probe_interval_seconds")
    public int lifecycleProbeIntervalSeconds;
    @Column(name = "compliance_probe_enabled")
    public boolean complianceProbeEnabled;
    @Column(name = "compliance_probe_interval_seconds")
    public int complianceProbeIntervalSeconds;
    @Column(name = "probe_flavor")
    public String probeFlavor;
    @Column(name = "probe_flavor_alt")
    public String probeFlavorAlt;
    @Column(name = "conformance_probe_enabled")
    public boolean conformanceProbeEnabled;
    @Column(name = "conformance_probe_interval_seconds")
    public int conformanceProbeIntervalSeconds;
    @Column(name = "probe_image")
    public String probeImage;
    @Column(name = "probe_network")
    public String probeNetwork;
    @Enumerated(EnumType.STRING)
    public MemberStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    public static Optional<Member> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<Member> listActive() {
        return list("status = ?1 order by slug", MemberStatus.ACTIVE);
    }

    public List<String> allowedHostList() {
        return split(allowedHosts);
    }

    public List<String> allowedRangeList() {
        return split(allowedRanges);
    }

    private static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "Member[" + slug + "]";
    }
}

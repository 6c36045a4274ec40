package org.stackratings.member;

import java.time.Instant;
import java.util.List;

/** A member as the admin API shows it: every setting except secrets. */
public record MemberView(
        String slug,
        String displayName,
        String providerName,
        String authUrl,
        String region,
        ProjectView project,
        CredentialsView credentials,
        List<String> allowedHosts,
        ProbesView probes,
        MemberStatus status,
        Instant createdAt,
        Instant updatedAt,
        Instant withdrawnAt) {

    public record ProjectView(String id, String name, String domain) {
    }

    /** {@code secretStored} tells the operator a secret is on file without showing it. */
    public record CredentialsView(CredentialType type, String username, String userDomain,
                                  String applicationCredentialId, boolean secretStored) {
    }

    public record ProbesView(ApiProbeView api, LifecycleProbeView lifecycle, ApiProbeView compliance) {
    }

    public record ApiProbeView(boolean enabled, String interval) {
    }

    public record LifecycleProbeView(boolean enabled, String interval, String flavor, String image, String network) {
    }

    private static String seconds(int seconds) {
        return java.time.Duration.ofSeconds(seconds).toString();
    }

    static MemberView of(Member m) {
        return new MemberView(m.slug, m.displayName, m.providerName, m.authUrl, m.region,
                new ProjectView(m.projectId, m.projectName, m.projectDomain),
                new CredentialsView(m.credentialType, m.username, m.userDomain, m.applicationCredentialId,
                        m.secretCiphertext != null),
                m.allowedHostList(),
                new ProbesView(new ApiProbeView(m.apiProbeEnabled, seconds(m.apiProbeIntervalSeconds)),
                        new LifecycleProbeView(m.lifecycleProbeEnabled, seconds(m.lifecycleProbeIntervalSeconds),
                                m.probeFlavor, m.probeImage, m.probeNetwork),
                        new ApiProbeView(m.complianceProbeEnabled, seconds(m.complianceProbeIntervalSeconds))),
                m.status, m.createdAt, m.updatedAt, m.withdrawnAt);
    }
}

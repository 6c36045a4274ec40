package org.stackratings.member;

import java.time.Instant;
import java.util.List;

/**
 * A member as the admin API shows it: every setting except secrets.
 *
 * @param insecure      plain http is allowed for this member's cloud
 * @param allowedRanges the non-public address ranges (CIDR, canonical) this member's cloud may be reached at
 */
public record MemberView(
        String slug,
        String displayName,
        String providerName,
        String authUrl,
        String region,
        ProjectView project,
        CredentialsView credentials,
        List<String> allowedHosts,
        boolean insecure,
        List<String> allowedRanges,
        ProbesView probes,
        MemberStatus status,
        Instant createdAt,
        Instant updatedAt,
        Instant withdrawnAt) {

    /** A member as the API answers it (dev mode: the sandbox cloud aurora, over http on loopback as dev allows); no secret. */
    static final String EXAMPLE_AURORA = """
            {"slug": "aurora", "displayName": "Aurora (sandbox)", "providerName": "StackRatings sandbox",
             "authUrl": "http://127.0.0.1:8780/aurora/identity/v3", "region": "RegionOne",
             "project": {"id": null, "name": "probe", "domain": "Default"},
             "credentials": {"type": "password", "username": "probe", "userDomain": "Default", "applicationCredentialId": null,
                             "secretStored": true},
             "allowedHosts": [], "insecure": false, "allowedRanges": [],
             "probes": {"api": {"enabled": true, "interval": "PT15S"},
                        "lifecycle": {"enabled": true, "interval": "PT2M", "flavor": null, "image": null, "network": null},
                        "compliance": {"enabled": true, "interval": "PT10M"},
                        "conformance": {"enabled": true, "interval": "PT24H", "flavorAlt": "m1.small"}},
             "status": "ACTIVE", "createdAt": "2026-11-26T02:53:18.767496Z", "updatedAt": "2026-11-26T02:53:18.768453Z",
             "withdrawnAt": null}""";

    /** The member that {@link MemberRequest#EXAMPLE} onboards, as answered. */
    static final String EXAMPLE_MY_CLOUD = """
            {"slug": "my-cloud", "displayName": "My cloud, region one", "providerName": "Example Cloud Ltd",
             "authUrl": "https://keystone.example.com:5000/v3", "region": "RegionOne",
             "project": {"id": null, "name": "probe", "domain": "Default"},
             "credentials": {"type": "password", "username": "probe", "userDomain": "Default", "applicationCredentialId": null,
                             "secretStored": true},
             "allowedHosts": ["nova.example.com", "glance.example.com"], "insecure": false, "allowedRanges": ["10.20.0.0/16"],
             "probes": {"api": {"enabled": true, "interval": "PT1M"},
                        "lifecycle": {"enabled": true, "interval": "PT15M", "flavor": "m1.tiny", "image": "cirros", "network": "private"},
                        "compliance": {"enabled": true, "interval": "PT24H"},
                        "conformance": {"enabled": true, "interval": "PT24H", "flavorAlt": "m1.small"}},
             "status": "ACTIVE", "createdAt": "2026-11-26T02:55:52.364385Z", "updatedAt": "2026-11-26T02:55:52.364385Z",
             "withdrawnAt": null}""";

    public record ProjectView(String id, String name, String domain) {
    }

    /** {@code secretStored} tells the operator a secret is on file without showing it. */
    public record CredentialsView(CredentialType type, String username, String userDomain,
                                  String applicationCredentialId, boolean secretStored) {
    }

    public record ProbesView(ApiProbeView api, LifecycleProbeView lifecycle, ApiProbeView compliance,
                             ConformanceProbeView conformance) {
    }

    public record ConformanceProbeView(boolean enabled, String interval, String flavorAlt) {
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
                m.allowedHostList(), m.insecure, m.allowedRangeList(),
                new ProbesView(new ApiProbeView(m.apiProbeEnabled, seconds(m.apiProbeIntervalSeconds)),
                        new LifecycleProbeView(m.lifecycleProbeEnabled, seconds(m.lifecycleProbeIntervalSeconds),
                                m.probeFlavor, m.probeImage, m.probeNetwork),
                        new ApiProbeView(m.complianceProbeEnabled, seconds(m.complianceProbeIntervalSeconds)),
                        new ConformanceProbeView(m.conformanceProbeEnabled,
                                seconds(m.conformanceProbeIntervalSeconds), m.probeFlavorAlt)),
                m.status, m.createdAt, m.updatedAt, m.withdrawnAt);
    }
}

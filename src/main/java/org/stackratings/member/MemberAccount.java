package org.stackratings.member;

import java.time.Duration;
import java.util.List;

/**
 * A member's decrypted Keystone settings, handed to probes and nothing else.
 * Its {@link #toString()} never shows the secret.
 *
 * @param insecure      plain http is allowed for this member's cloud although {@code stackratings.egress.allow-http}
 *                      is off
 * @param allowedRanges the member's own non-public ranges (CIDR, canonical), to combine with the agency's through
 *                      {@code AgencyEgress.rulesFor}
 */
public record MemberAccount(
        long memberId,
        String slug,
        String authUrl,
        String region,
        String projectId,
        String projectName,
        String projectDomain,
        CredentialType credentialType,
        String username,
        String userDomain,
        String applicationCredentialId,
        String secret,
        List<String> allowedHosts,
        Duration apiInterval,
        String flavor,
        String image,
        String network,
        boolean insecure,
        List<String> allowedRanges,
        String flavorAlt) {

    public MemberAccount(long memberId, String slug, String authUrl, String region, String projectId,
                         String projectName, String projectDomain, CredentialType credentialType, String username,
                         String userDomain, String applicationCredentialId, String secret, List<String> allowedHosts,
                         Duration apiInterval, String flavor, String image, String network, boolean insecure,
                         List<String> allowedRanges) {
        this(memberId, slug, authUrl, region, projectId, projectName, projectDomain, credentialType, username,
                userDomain, applicationCredentialId, secret, allowedHosts, apiInterval, flavor, image, network, insecure,
                allowedRanges, null);
    }

    public MemberAccount {
        allowedRanges = allowedRanges == null ? List.of() : List.copyOf(allowedRanges);
    }

    @Override
    public String toString() {
        return "MemberAccount[" + slug + ", " + authUrl + ", " + credentialType + ", secret=***]";
    }
}

package org.stackratings.member;

import java.time.Duration;
import java.util.List;

/**
 * A member's decrypted Keystone settings, handed to probes and nothing else.
 * Its {@link #toString()} never shows the secret.
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
        String network) {

    @Override
    public String toString() {
        return "MemberAccount[" + slug + ", " + authUrl + ", " + credentialType + ", secret=***]";
    }
}

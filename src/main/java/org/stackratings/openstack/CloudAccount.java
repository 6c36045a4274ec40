package org.stackratings.openstack;

import java.util.Set;

/**
 * How to reach and authenticate with one cloud. {@code allowedHosts} are the hosts, besides the auth URL's,
 * that catalog endpoints may point to. {@link #toString()} never shows the secret.
 */
public record CloudAccount(String authUrl, String region, String projectId, String projectName, String projectDomain,
                           boolean applicationCredential, String username, String userDomain,
                           String applicationCredentialId, String secret, Set<String> allowedHosts) {

    @Override
    public String toString() {
        return "CloudAccount[" + authUrl + ", region=" + region + ", secret=***]";
    }
}

package org.stackratings.openstack;

import java.util.List;
import java.util.Set;

/**
 * How to reach and authenticate with one cloud. {@code allowedHosts} are the hosts, besides the auth URL's, that
 * catalog endpoints may point to; {@code insecure} allows plain http for this cloud; {@code allowedRanges} are the
 * non-public address ranges (CIDR) its hosts may resolve to. {@link #toString()} never shows the secret.
 */
public record CloudAccount(String authUrl, String region, String projectId, String projectName, String projectDomain,
                           boolean applicationCredential, String username, String userDomain,
                           String applicationCredentialId, String secret, Set<String> allowedHosts,
                           boolean insecure, List<String> allowedRanges) {

    @Override
    public String toString() {
        return "CloudAccount[" + authUrl + ", region=" + region + ", secret=***]";
    }
}

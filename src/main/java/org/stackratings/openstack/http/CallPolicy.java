package org.stackratings.openstack.http;

import okhttp3.HttpUrl;
import org.stackratings.egress.EgressRules;
import org.stackratings.egress.HostResolver;
import org.stackratings.openstack.EndpointNotAllowedException;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where one member's calls may go: the hosts (the auth URL's and the member's allow-list), the ports (the auth URL's
 * and the agency's list), the schemes (https; http when the agency or the member allows it), and the addresses those
 * hosts may resolve to ({@link EgressRules}, applied in the connection itself by {@link VettingDns}). Checked before
 * every request, whoever built its URL (openstack4j from the catalog, or the agency's own calls).
 */
public record CallPolicy(Set<String> hosts, int authPort, Set<Integer> ports, boolean allowHttp, EgressRules rules,
                         HostResolver resolver) {

    public CallPolicy {
        hosts = Set.copyOf(hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        ports = Set.copyOf(ports);
    }

    /** @throws EndpointNotAllowedException naming what is not allowed, before anything is sent */
    public void check(HttpUrl url) {
        if (!url.isHttps() && !allowHttp) {
            throw new EndpointNotAllowedException(url.scheme() + "://" + url.host() + ":" + url.port()
                    + " is plain http, which is not allowed for this member (https only unless the member is marked insecure)");
        }
        if (!hosts.contains(url.host())) {
            throw new EndpointNotAllowedException("host '" + url.host() + "' is not allowed for this member (allowed: "
                    + String.join(", ", new TreeSet<>(hosts)) + "); nothing was sent there");
        }
        rules.literalRefusal(url.host()).ifPresent(kind -> {
            throw new EndpointNotAllowedException(url.host() + " is a non-public address (" + kind.words()
                    + "), which the agency does not connect to; nothing was sent there");
        });
        if (url.port() != authPort && !ports.contains(url.port())) {
            throw new EndpointNotAllowedException("port " + url.port() + " of " + url.host() + " is not allowed (allowed: the auth URL's port "
                    + authPort + " and " + new TreeSet<>(ports) + "); nothing was sent there");
        }
    }

    /** The connection-time half of the policy: the DNS hook that vets every address before a connection. */
    VettingDns dns() {
        return new VettingDns(rules, resolver);
    }
}

package org.stackratings.openstack;

import org.openstack4j.api.identity.EndpointURLResolver;
import org.openstack4j.model.identity.URLResolverParams;
import org.openstack4j.openstack.identity.internal.DefaultEndpointURLResolver;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves catalog endpoints as openstack4j does, then refuses any whose host is not allowed
 * (PRODUCT.md section 3): a catalog pointing at the agency's own loopback or link-local addresses
 * must not make the agency send requests there.
 */
class AllowedHostsResolver implements EndpointURLResolver {

    private final EndpointURLResolver delegate = new DefaultEndpointURLResolver();
    private final Set<String> allowedHosts;

    AllowedHostsResolver(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    @Override
    public String findURLV2(URLResolverParams params) {
        throw new EndpointNotAllowedException("Keystone v2 catalogs are not supported");
    }

    @Override
    public String findURLV3(URLResolverParams params) {
        String url = delegate.findURLV3(params);
        if (url != null) {
            check(url);
        }
        return url;
    }

    /** The URL unchanged when its host is allowed. */
    String check(String url) {
        String host = host(url);
        if (host == null || !allowedHosts.contains(host)) {
            throw new EndpointNotAllowedException("catalog endpoint " + BodyExcerpt.of(url, java.util.List.of()) + " is on host '"
                    + BodyExcerpt.of(host, java.util.List.of())
                    + "', which is not allowed for this member (allowed: " + String.join(", ", allowedHosts.stream().sorted().toList()) + ")");
        }
        return url;
    }

    static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package org.stackratings.publish.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.stackratings.egress.EgressRules;
import org.stackratings.egress.HostResolver;
import org.stackratings.egress.RefusedAddressException;
import org.stackratings.web.ProblemException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether the agency may send webhooks to a URL: https (http only when configured), a host and nothing
 * else unusual, and every address the host resolves to public, so a subscriber cannot aim the agency at its own
 * network (loopback, link-local such as cloud metadata, private ranges) unless configuration allows it. Checked when
 * a subscription is created and again before every delivery; the sender then connects only to addresses that
 * {@link #connectableAddresses} vetted in the same lookup, so a DNS answer that changes between the check and the
 * connection (DNS rebinding) cannot lead it elsewhere.
 */
@ApplicationScoped
public class TargetUrlPolicy {

    static final int MAX_LENGTH = 2000;

    private final boolean allowHttp;
    private final boolean allowPrivate;
    private final HostResolver resolver;

    @Inject
    public TargetUrlPolicy(WebhookConfig config) {
        this(config.allowHttp(), config.allowPrivateTargets(), HostResolver.SYSTEM);
    }

    TargetUrlPolicy(boolean allowHttp, boolean allowPrivate, HostResolver resolver) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** @throws ProblemException 400 naming what is wrong with the URL */
    public URI check(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw refused("targetUrl must be an absolute https URL of at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw refused("targetUrl is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw refused("targetUrl must use https" + (allowHttp ? " or http" : ""));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw refused("targetUrl has no host");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw refused("targetUrl has an invalid port");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw refused("targetUrl must not carry user information or a fragment");
        }
        try {
            connectableAddresses(uri.getHost());
        } catch (RefusedAddressException e) {
            throw refused("targetUrl resolves to a non-public address (loopback, link-local, private or reserved)");
        } catch (UnknownHostException e) {
            throw refused("targetUrl's host cannot be resolved");
        }
        return uri;
    }

    /**
     * Resolves a target host for a connection: its addresses, when every one of them may be connected to.
     *
     * @throws RefusedAddressException when one of them is not public and configuration does not allow that
     * @throws UnknownHostException when the host does not resolve
     */
    public List<InetAddress> connectableAddresses(String host) throws UnknownHostException {
        if (allowPrivate) {
            return List.of(resolver.resolve(host));
        }
        return EgressRules.PUBLIC_ONLY.connectable(host, resolver);
    }

    private static ProblemException refused(String detail) {
        return ProblemException.badRequest(detail);
    }
}

package org.stackratings.publish.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.stackratings.web.ProblemException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

    /** Resolves a host name to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final int MAX_LENGTH = 2000;

    private final boolean allowHttp;
    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    public TargetUrlPolicy(WebhookConfig config) {
        this(config.allowHttp(), config.allowPrivateTargets(), InetAddress::getAllByName);
    }

    TargetUrlPolicy(boolean allowHttp, boolean allowPrivate, Resolver resolver) {
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
        } catch (NonPublicAddressException e) {
            throw refused("targetUrl resolves to a non-public address (loopback, link-local, private or reserved)");
        } catch (UnknownHostException e) {
            throw refused("targetUrl's host cannot be resolved");
        }
        return uri;
    }

    /**
     * Resolves a target host for a connection: its addresses, when every one of them may be connected to.
     *
     * @throws NonPublicAddressException when one of them is not public and configuration does not allow that
     * @throws UnknownHostException when the host does not resolve
     */
    public List<InetAddress> connectableAddresses(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new NonPublicAddressException(host);
                }
            }
        }
        return List.of(addresses);
    }

    /**
     * A host resolved to an address the agency does not send webhooks to. The message does not name the address: a
     * subscriber must not learn what names resolve to inside the agency's network.
     */
    public static final class NonPublicAddressException extends UnknownHostException {
        NonPublicAddressException(String host) {
            super(host + " resolves to a non-public address (loopback, link-local, private or reserved)");
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                      // this network
                    && !(first == 100 && second >= 64 && second < 128) // shared address space (carrier NAT)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240;                                 // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            Optional<InetAddress> embedded = embeddedIpv4(b);
            if (embedded.isPresent()) {
                return isPublic(embedded.get());
            }
            // an allow-list: only global unicast (2000::/3) is public, less the IETF protocol assignments (2001::/23:
            // Teredo, benchmarking, ORCHID …) and documentation (2001:db8::/32); unique-local, NAT64 local-use,
            // SIIT-translated and every other block fall outside 2000::/3
            boolean globalUnicast = (b[0] & 0xe0) == 0x20;
            boolean protocolAssignments = b[0] == 0x20 && b[1] == 0x01 && (b[2] & 0xfe) == 0;
            boolean documentation = b[0] == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
            return globalUnicast && !protocolAssignments && !documentation;
        }
        return false;
    }

    /**
     * The IPv4 address inside an IPv6 address that carries one: IPv4-compatible ({@code ::a.b.c.d}), IPv4-mapped
     * ({@code ::ffff:a.b.c.d}, which a resolver may answer as such and the kernel connects to over IPv4), NAT64
     * ({@code 64:ff9b::/96}) and 6to4 ({@code 2002:a.b.c.d::/48}).
     */
    private static Optional<InetAddress> embeddedIpv4(byte[] b) {
        int at;
        if (isZero(b, 0, 12) || (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)
                || (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12))) {
            at = 12;
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            at = 2;
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(b, at, at + 4)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException refused(String detail) {
        return ProblemException.badRequest(detail);
    }
}

package org.stackratings.member;

import jakarta.enterprise.context.ApplicationScoped;
import org.stackratings.egress.AddressRange;
import org.stackratings.egress.AgencyEgress;
import org.stackratings.egress.EgressRules;
import org.stackratings.egress.RefusedAddressException;
import org.stackratings.web.ProblemException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What onboarding (POST and PUT of a member) refuses because it would aim the agency at its own network or is not a
 * plain Keystone URL: user information, query strings and fragments in the auth URL; schemes other than https (http
 * only for a member marked insecure or where {@code stackratings.egress.allow-http} is on); ports outside 1–65535;
 * special-use names that never name a member's cloud; IPv4 addresses in other forms than a.b.c.d; and hosts that are,
 * or resolve to, non-public addresses (loopback, link-local, private, multicast, documentation and the other blocks
 * of {@link org.stackratings.egress.SpecialRanges}) outside the ranges the operator allowed, agency-wide or for this
 * member. A name that does not resolve is accepted: the cloud may be down or not yet in DNS, and the connection-time
 * check of the same rules is the real guard (names can change their answers later).
 * <p>
 * Every refusal is a 400 problem whose detail starts with the field ({@code authUrl: …}, {@code allowedHosts[2]: …},
 * {@code allowedRanges[0]: …}). Details never repeat the auth URL, so a password put into it is not reflected.
 */
@ApplicationScoped
public class EndpointRules {

    /**
     * Special-use names (RFC 6761, 6762, 7686) refused by name, whatever they resolve to: {@code localhost} is the
     * agency itself, {@code local} is multicast DNS answered on the agency's own link, {@code invalid} and
     * {@code example} never name a host, {@code onion} is not reachable through DNS. Names under {@code test},
     * {@code internal} or {@code home.arpa} and the {@code example.com} domains are judged by their addresses.
     */
    static final List<String> SPECIAL_USE_DOMAINS = List.of("localhost", "local", "invalid", "example", "onion");

    /** The agency itself and the cloud metadata service: never a member's cloud, so no member range may include them. */
    private static final List<InetAddress> NEVER_A_MEMBER = List.of(
            v4(127, 0, 0, 1), v4(169, 254, 169, 254), v6(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}),
            mapped(v4(127, 0, 0, 1)), mapped(v4(169, 254, 169, 254)));

    /** A last label that is a number: URL parsers and resolvers read such hosts as IPv4 addresses (127.1, 2130706433, 0x7f.1). */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");

    private final AgencyEgress egress;

    public EndpointRules(AgencyEgress egress) {
        this.egress = egress;
    }

    /**
     * Checks the member's endpoints against the agency's egress rules and its own ranges.
     *
     * @return the member's allowed ranges in canonical form (duplicates dropped), to store
     * @throws ProblemException 400 whose detail names the field and what is wrong with it
     */
    public List<String> check(MemberRequest request) {
        List<String> ranges = ranges(request.allowedRanges());
        EgressRules rules = egress.rulesFor(ranges);
        checkAuthUrl(request.authUrl(), Boolean.TRUE.equals(request.insecure()), rules);
        List<String> hosts = request.allowedHosts() == null ? List.of() : request.allowedHosts();
        for (int i = 0; i < hosts.size(); i++) {
            checkHost("allowedHosts[" + i + "]", hosts.get(i) == null ? "" : hosts.get(i).trim(), rules);
        }
        return ranges;
    }

    private static List<String> ranges(List<String> requested) {
        List<String> canonical = new ArrayList<>();
        List<String> texts = requested == null ? List.of() : requested;
        for (int i = 0; i < texts.size(); i++) {
            String field = "allowedRanges[" + i + "]";
            AddressRange range;
            try {
                range = AddressRange.parse(texts.get(i));
            } catch (IllegalArgumentException e) {
                throw refused(field, e.getMessage());
            }
            if (NEVER_A_MEMBER.stream().anyMatch(range::contains)) {
                throw refused(field, range.cidr() + " includes the agency's own loopback or the cloud metadata address"
                        + " (127.0.0.1, ::1, 169.254.169.254), where no member's cloud is; only stackratings.egress.allowed-ranges"
                        + " can allow those");
            }
            if (!canonical.contains(range.cidr())) {
                canonical.add(range.cidr());
            }
        }
        return List.copyOf(canonical);
    }

    private void checkAuthUrl(String authUrl, boolean insecure, EgressRules rules) {
        URI uri;
        try {
            uri = new URI(authUrl == null ? "" : authUrl.trim());
        } catch (URISyntaxException e) {
            throw refused("authUrl", "is not a valid URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("authUrl", "must not carry user information (user:password@); the probe account goes in credentials");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !insecure && !egress.allowHttp()) {
            throw refused("authUrl", "must use https; plain http only for a member marked insecure (\"insecure\": true)"
                    + " or where stackratings.egress.allow-http is true");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refused("authUrl", "must use https");
        }
        if (uri.getRawQuery() != null) {
            throw refused("authUrl", "must not have a query string");
        }
        if (uri.getRawFragment() != null) {
            throw refused("authUrl", "must not have a fragment");
        }
        if (uri.getHost() == null) {
            throw refused("authUrl", "needs a host name or IP address and, if any, a port from 1 to 65535");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw refused("authUrl", "port must be from 1 to 65535, got " + uri.getPort());
        }
        checkHost("authUrl", uri.getHost(), rules);
    }

    private void checkHost(String field, String text, EgressRules rules) {
        String host = text.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty()) {
            throw refused(field, "has no host name");
        }
        Optional<String> special = SPECIAL_USE_DOMAINS.stream()
                .filter(domain -> name.equals(domain) || name.endsWith("." + domain)).findFirst();
        if (special.isPresent()) {
            throw refused(field, "'" + name + "' is a special-use name (." + special.get() + ") that never names a member's cloud");
        }
        boolean literal = isAddressLiteral(name);
        String lastLabel = name.substring(name.lastIndexOf('.') + 1);
        if (!literal && NUMERIC_LABEL.matcher(lastLabel).matches()) {
            throw refused(field, "'" + name + "' is not a host name, nor an IP address in standard form (a.b.c.d for IPv4)");
        }
        try {
            rules.connectable(name, egress.resolver());
        } catch (RefusedAddressException e) {
            throw refused(field, (literal ? name + " is" : name + " resolves to") + " a non-public address ("
                    + e.kind().words() + "), which the agency does not connect to unless its range is allowed:"
                    + " allowedRanges for this member, stackratings.egress.allowed-ranges for every member");
        } catch (UnknownHostException e) {
            // Accepted: the cloud may be down or not yet in DNS. Every connection applies the same rules to the answer it gets.
        }
    }

    private static boolean isAddressLiteral(String host) {
        try {
            AddressRange.parse(host);
            return !host.contains("/");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ProblemException refused(String field, String problem) {
        return ProblemException.badRequest(field + ": " + problem);
    }

    private static InetAddress v4(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress v6(byte[] address) {
        try {
            return Inet6Address.getByAddress(null, address, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ::ffff:a.b.c.d}, kept as an IPv6 address (the JDK turns parsed ones into IPv4). */
    private static InetAddress mapped(InetAddress v4) {
        byte[] address = new byte[16];
        address[10] = (byte) 0xff;
        address[11] = (byte) 0xff;
        System.arraycopy(v4.getAddress(), 0, address, 12, 4);
        return v6(address);
    }
}

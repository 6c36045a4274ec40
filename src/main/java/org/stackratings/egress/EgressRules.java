package org.stackratings.egress;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the agency may connect to: public unicast addresses, plus the ranges explicitly allowed (for
 * instance a private cloud on 10.0.0.0/8). Used in the connection itself (an HTTP client's DNS hook), so the
 * addresses connected to are those vetted, whatever a later DNS answer says.
 */
public record EgressRules(List<AddressRange> allowed) {

    /** Public addresses only. */
    public static final EgressRules PUBLIC_ONLY = new EgressRules(List.of());

    public EgressRules {
        allowed = List.copyOf(allowed);
    }

    /**
     * @throws IllegalArgumentException naming the first text that is not an address or a CIDR block
     */
    public static EgressRules allowing(List<String> ranges) {
        return new EgressRules(ranges.stream().map(AddressRange::parse).toList());
    }

    /** These rules and the other's exceptions too. */
    public EgressRules and(EgressRules other) {
        List<AddressRange> both = new ArrayList<>(allowed);
        other.allowed.stream().filter(r -> !both.contains(r)).forEach(both::add);
        return new EgressRules(both);
    }

    /** Empty when the agency may connect to the address, else what kind of address it is. */
    public Optional<AddressKind> refusal(InetAddress address) {
        AddressKind kind = SpecialRanges.classify(address);
        if (kind == AddressKind.PUBLIC || allowed.stream().anyMatch(r -> r.contains(address))) {
            return Optional.empty();
        }
        return Optional.of(kind);
    }

    /**
     * When the host is an IP literal ({@code 10.0.0.5}, {@code ::1}), what kind of refused address it is. HTTP clients
     * connect to literals without asking their DNS hook, so they are judged here.
     */
    public Optional<AddressKind> literalRefusal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        IPAddress literal = new IPAddressString(bare).getAddress();
        if (literal == null) {
            return Optional.empty();
        }
        return refusal(literal.toInetAddress());
    }

    /**
     * Resolves a host for a connection: its addresses, when the agency may connect to every one of them. A host that
     * mixes refused addresses with others is refused whole: it is a name pointed at the agency's own network.
     *
     * @throws RefusedAddressException when one of its addresses is refused
     * @throws UnknownHostException when it does not resolve
     */
    public List<InetAddress> connectable(String host, HostResolver resolver) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host + " has no address");
        }
        for (InetAddress address : addresses) {
            Optional<AddressKind> refusal = refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedAddressException(host, refusal.get());
            }
        }
        return List.of(addresses);
    }
}

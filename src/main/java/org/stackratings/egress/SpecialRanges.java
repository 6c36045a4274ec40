package org.stackratings.egress;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The IANA special-purpose address blocks (RFC 6890 and successors) that the agency does not connect to unless
 * configured to. IPv4 is a deny-list: what is in none of its blocks is public. IPv6 is an allow-list: only global
 * unicast (2000::/3) is public, less the blocks listed; an IPv6 address that carries an IPv4 address is judged by
 * the IPv4 address.
 */
public final class SpecialRanges {

    private record Block(AddressRange range, AddressKind kind) {
        Block(String cidr, AddressKind kind) {
            this(AddressRange.parse(cidr), kind);
        }
    }

    private static final List<Block> IPV4 = List.of(
            new Block("0.0.0.0/8", AddressKind.UNSPECIFIED),
            new Block("10.0.0.0/8", AddressKind.PRIVATE),
            new Block("100.64.0.0/10", AddressKind.CARRIER_NAT),
            new Block("127.0.0.0/8", AddressKind.LOOPBACK),
            new Block("169.254.0.0/16", AddressKind.LINK_LOCAL),
            new Block("172.16.0.0/12", AddressKind.PRIVATE),
            new Block("192.0.0.0/24", AddressKind.RESERVED),
            new Block("192.0.2.0/24", AddressKind.DOCUMENTATION),
            new Block("192.88.99.0/24", AddressKind.RESERVED),
            new Block("192.168.0.0/16", AddressKind.PRIVATE),
            new Block("198.18.0.0/15", AddressKind.BENCHMARKING),
            new Block("198.51.100.0/24", AddressKind.DOCUMENTATION),
            new Block("203.0.113.0/24", AddressKind.DOCUMENTATION),
            new Block("224.0.0.0/4", AddressKind.MULTICAST),
            new Block("240.0.0.0/4", AddressKind.RESERVED));

    private static final List<Block> IPV6 = List.of(
            new Block("::/128", AddressKind.UNSPECIFIED),
            new Block("::1/128", AddressKind.LOOPBACK),
            new Block("fe80::/10", AddressKind.LINK_LOCAL),
            new Block("fc00::/7", AddressKind.PRIVATE),
            new Block("ff00::/8", AddressKind.MULTICAST),
            new Block("2001:db8::/32", AddressKind.DOCUMENTATION),
            new Block("2001::/23", AddressKind.RESERVED));

    private static final AddressRange GLOBAL_UNICAST = AddressRange.parse("2000::/3");

    private SpecialRanges() {
    }

    /** What the address is: {@link AddressKind#PUBLIC} or the special block it lies in. */
    public static AddressKind classify(InetAddress address) {
        return classify(IpAddresses.of(address));
    }

    private static AddressKind classify(IPAddress ip) {
        if (ip instanceof IPv6Address v6) {
            Optional<IPv4Address> embedded = IpAddresses.embeddedIpv4(v6);
            if (embedded.isPresent()) {
                return classify(embedded.get());
            }
            return find(IPV6, ip).orElse(GLOBAL_UNICAST.block().contains(ip) ? AddressKind.PUBLIC : AddressKind.RESERVED);
        }
        return find(IPV4, ip).orElse(AddressKind.PUBLIC);
    }

    private static Optional<AddressKind> find(List<Block> blocks, IPAddress ip) {
        return blocks.stream().filter(b -> b.range().block().contains(ip)).map(Block::kind).findFirst();
    }
}

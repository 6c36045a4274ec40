package org.stackratings.egress;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/** Conversions between the JDK's addresses and the IPAddress library's. */
final class IpAddresses {

    private IpAddresses() {
    }

    static IPAddress of(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return new IPv4Address(v4);
        }
        if (address instanceof Inet6Address v6) {
            return new IPv6Address(v6.getAddress());
        }
        throw new IllegalArgumentException("not an IP address: " + address);
    }

    /**
     * The IPv4 address that an IPv6 address carries and that a connection to it would reach: IPv4-mapped
     * ({@code ::ffff:a.b.c.d}, which a resolver may answer and the kernel connects to over IPv4), IPv4-compatible
     * ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::/96}) and 6to4 ({@code 2002:a.b.c.d::/48}).
     */
    static Optional<IPv4Address> embeddedIpv4(IPv6Address v6) {
        if (v6.isIPv4Mapped() || v6.isIPv4Compatible() && !v6.isZero() && !v6.isLoopback() || v6.isWellKnownIPv4Translatable()) {
            return Optional.of(v6.getEmbeddedIPv4Address());
        }
        if (v6.is6To4()) {
            return Optional.of(v6.get6To4IPv4Address());
        }
        return Optional.empty();
    }
}

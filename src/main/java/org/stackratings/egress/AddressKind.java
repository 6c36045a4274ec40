package org.stackratings.egress;

import java.util.Locale;

/** What an IP address is, as far as deciding whether the agency may connect to it. Only {@link #PUBLIC} is safe by default. */
public enum AddressKind {
    PUBLIC,
    /** 0.0.0.0/8, ::/128: "this host" or no address at all. */
    UNSPECIFIED,
    /** 127.0.0.0/8, ::1: the agency itself. */
    LOOPBACK,
    /** 169.254.0.0/16 (cloud metadata services live here), fe80::/10. */
    LINK_LOCAL,
    /** 10/8, 172.16/12, 192.168/16, fc00::/7. */
    PRIVATE,
    /** 100.64.0.0/10, shared address space behind a carrier's NAT. */
    CARRIER_NAT,
    /** 224.0.0.0/4, ff00::/8. */
    MULTICAST,
    /** 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32: examples, never a real host. */
    DOCUMENTATION,
    /** 198.18.0.0/15: network benchmarking. */
    BENCHMARKING,
    /** Everything else that is not public unicast: IETF protocol assignments, 240/4, broadcast, IPv6 outside 2000::/3. */
    RESERVED;

    /** Lower-case words for messages: "link local". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

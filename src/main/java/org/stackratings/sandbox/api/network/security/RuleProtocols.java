package org.stackratings.sandbox.api.network.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The IP protocols a security group rule may name, and which of them take ports or ICMP type and code. */
final class RuleProtocols {

    static final List<String> NAMES = List.of("ah", "dccp", "egp", "esp", "gre", "hopopt", "icmp", "igmp",
            "ipip", "ipv6-encap", "ipv6-frag", "ipv6-icmp", "icmpv6", "ipv6-nonxt", "ipv6-opts", "ipv6-route",
            "ospf", "pgm", "rsvp", "sctp", "tcp", "udp", "udplite", "vrrp", "any");
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("ah", 51), Map.entry("dccp", 33),
            Map.entry("egp", 8), Map.entry("esp", 50), Map.entry("gre", 47), Map.entry("hopopt", 0),
            Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("ipip", 4), Map.entry("ipv6-encap", 41),
            Map.entry("ipv6-frag", 44), Map.entry("ipv6-icmp", 58), Map.entry("icmpv6", 58),
            Map.entry("ipv6-nonxt", 59), Map.entry("ipv6-opts", 60), Map.entry("ipv6-route", 43),
            Map.entry("ospf", 89), Map.entry("pgm", 113), Map.entry("rsvp", 46), Map.entry("sctp", 132),
            Map.entry("tcp", 6), Map.entry("udp", 17), Map.entry("udplite", 136), Map.entry("vrrp", 112));
    private static final Set<Integer> WITH_PORTS = Set.of(6, 17, 33, 132, 136);
    private static final Set<Integer> ICMP = Set.of(1, 58);

    private RuleProtocols() {
    }

    /** The protocol's number; -1 for none ({@code any} or null); null when it is not a protocol. */
    static Integer number(String protocol) {
        if (protocol == null || protocol.equals("any")) {
            return -1;
        }
        if (protocol.matches("\\d{1,3}")) {
            int n = Integer.parseInt(protocol);
            return n <= 255 ? n : null;
        }
        return NUMBERS.get(protocol.toLowerCase());
    }

    static boolean takesPorts(int number) {
        return WITH_PORTS.contains(number);
    }

    static boolean isIcmp(int number) {
        return ICMP.contains(number);
    }
}

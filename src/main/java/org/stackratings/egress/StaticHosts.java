package org.stackratings.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A {@link HostResolver} that answers the names of a table itself (IP literals only) and asks another for the rest. */
public record StaticHosts(Map<String, InetAddress[]> table, HostResolver fallback) implements HostResolver {

    /**
     * @param hosts name → one or more IP literals, comma-separated
     * @throws IllegalArgumentException naming the entry whose value is not a list of IP addresses
     */
    public static StaticHosts of(Map<String, String> hosts, HostResolver fallback) {
        Map<String, InetAddress[]> table = hosts.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), e -> addresses(e.getKey(), e.getValue())));
        return new StaticHosts(table, fallback);
    }

    private static InetAddress[] addresses(String host, String literals) {
        return Arrays.stream(literals.split(",")).map(String::trim).map(literal -> {
            try {
                return InetAddress.getByAddress(host, AddressRange.parse(literal).block().getBytes());
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new IllegalArgumentException("stackratings.egress.hosts.\"" + host + "\": '" + literal + "' is not an IP address");
            }
        }).toArray(InetAddress[]::new);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] answer = table.get(host.toLowerCase(Locale.ROOT));
        return answer != null ? answer.clone() : fallback.resolve(host);
    }
}

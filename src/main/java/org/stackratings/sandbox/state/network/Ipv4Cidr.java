package org.stackratings.sandbox.state.network;

import java.util.Optional;

/** An IPv4 network in CIDR notation ({@code 10.0.0.0/24}), normalised to its network address. */
public record Ipv4Cidr(long network, int prefixLength) {

    /** Parses {@code a.b.c.d/n}; empty when it is not an IPv4 CIDR. Host bits are cleared. */
    public static Optional<Ipv4Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().split("/", -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        Optional<Long> address = address(parts[0]);
        int prefix = 32;
        if (parts.length == 2) {
            if (!parts[1].matches("\\d{1,2}")) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(parts[1]);
        }
        if (address.isEmpty() || prefix > 32) {
            return Optional.empty();
        }
        long mask = mask(prefix);
        return Optional.of(new Ipv4Cidr(address.get() & mask, prefix));
    }

    /** Parses a dotted IPv4 address into its 32-bit value. */
    public static Optional<Long> address(String text) {
        if (text == null || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.empty();
        }
        long value = 0;
        for (String octet : text.split("\\.")) {
            int v = Integer.parseInt(octet);
            if (v > 255 || (octet.length() > 1 && octet.startsWith("0"))) {
                return Optional.empty();
            }
            value = (value << 8) | v;
        }
        return Optional.of(value);
    }

    public static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public long first() {
        return network;
    }

    public long last() {
        return network | (~mask(prefixLength) & 0xFFFFFFFFL);
    }

    public long size() {
        return last() - first() + 1;
    }

    public boolean contains(long address) {
        return address >= first() && address <= last();
    }

    public boolean contains(Ipv4Cidr other) {
        return contains(other.first()) && contains(other.last());
    }

    public boolean overlaps(Ipv4Cidr other) {
        return first() <= other.last() && other.first() <= last();
    }

    /** The next network of the same size after this one, if there is one. */
    public Optional<Ipv4Cidr> next() {
        long next = last() + 1;
        return next > 0xFFFFFFFFL ? Optional.empty() : Optional.of(new Ipv4Cidr(next, prefixLength));
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefixLength;
    }
}

package org.stackratings.egress;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

import java.net.InetAddress;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}) or one address. Parsing and
 * containment come from the IPAddress library (com.github.seancfoley:ipaddress).
 */
public record AddressRange(String cidr, IPAddress block) {

    /** Dotted quads and standard IPv6 text with an optional prefix length; not the empty string, masks, ranges or inet_aton forms. */
    private static final IPAddressStringParameters STRICT = strict();

    private static IPAddressStringParameters strict() {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
                .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowPrefixOnly(false).allowMask(false);
        builder.getIPv4AddressParametersBuilder().allow_inet_aton(false).allowLeadingZeros(false)
                .setRangeOptions(AddressStringParameters.RangeParameters.NO_RANGE);
        builder.getIPv6AddressParametersBuilder().setRangeOptions(AddressStringParameters.RangeParameters.NO_RANGE);
        return builder.toParams();
    }

    /**
     * @throws IllegalArgumentException naming the text when it is not an address or a CIDR block
     */
    public static AddressRange parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        try {
            IPAddress address = new IPAddressString(trimmed, STRICT).toAddress();
            IPAddress block = address.isPrefixed() ? address.toPrefixBlock() : address;
            return new AddressRange(block.toCanonicalString(), block);
        } catch (AddressStringException | RuntimeException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not an IP address or CIDR block (e.g. 10.0.0.0/8, fd00::/8)");
        }
    }

    public boolean contains(InetAddress address) {
        IPAddress ip = IpAddresses.of(address);
        return ip.getIPVersion() == block.getIPVersion() && block.contains(ip);
    }

    @Override
    public String toString() {
        return cidr;
    }
}

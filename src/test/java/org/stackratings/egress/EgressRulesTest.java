package org.stackratings.egress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EgressRulesTest {

    @ParameterizedTest
    @CsvSource({
            "93.184.216.34, PUBLIC", "8.8.8.8, PUBLIC", "2606:2800:220:1::248, PUBLIC",
            "0.0.0.0, UNSPECIFIED", "::, UNSPECIFIED",
            "127.0.0.1, LOOPBACK", "127.8.9.1, LOOPBACK", "::1, LOOPBACK", "::ffff:127.0.0.1, LOOPBACK",
            "169.254.169.254, LINK_LOCAL", "fe80::1, LINK_LOCAL", "::ffff:169.254.169.254, LINK_LOCAL",
            "10.1.2.3, PRIVATE", "172.16.5.4, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
            "fd00::1, PRIVATE", "fc12::1, PRIVATE", "64:ff9b::a00:1, PRIVATE", "2002:a00:1::1, PRIVATE",
            "100.64.0.1, CARRIER_NAT", "224.0.0.1, MULTICAST", "ff02::1, MULTICAST",
            "192.0.2.10, DOCUMENTATION", "198.51.100.1, DOCUMENTATION", "203.0.113.200, DOCUMENTATION", "2001:db8::1, DOCUMENTATION",
            "198.18.0.1, BENCHMARKING", "240.0.0.1, RESERVED", "255.255.255.255, RESERVED", "192.0.0.8, RESERVED",
            "2001:0:102:304::1, RESERVED", "::ffff:0:a00:1, RESERVED", "64:ff9b:1::a00:1, RESERVED", "4000::1, RESERVED",
            "172.32.0.1, PUBLIC", "100.128.0.1, PUBLIC", "2002:5db8:d822::1, PUBLIC"})
    void classifiesAddresses(String address, AddressKind kind) throws UnknownHostException {
        assertThat(SpecialRanges.classify(InetAddress.getByName(address))).isEqualTo(kind);
    }

    @Test
    void refusesWhatIsNotPublicUnlessARangeAllowsIt() throws UnknownHostException {
        EgressRules privateCloud = EgressRules.allowing(List.of("10.0.0.0/8", "fd00::/8"));
        assertThat(EgressRules.PUBLIC_ONLY.refusal(InetAddress.getByName("10.1.2.3"))).contains(AddressKind.PRIVATE);
        assertThat(privateCloud.refusal(InetAddress.getByName("10.1.2.3"))).isEmpty();
        assertThat(privateCloud.refusal(InetAddress.getByName("fd12::1"))).isEmpty();
        assertThat(privateCloud.refusal(InetAddress.getByName("192.168.0.1"))).contains(AddressKind.PRIVATE);
        assertThat(privateCloud.refusal(InetAddress.getByName("127.0.0.1"))).contains(AddressKind.LOOPBACK);
        assertThat(privateCloud.refusal(InetAddress.getByName("8.8.8.8"))).isEmpty();
        assertThat(privateCloud.and(EgressRules.allowing(List.of("127.0.0.1"))).refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(privateCloud.and(EgressRules.allowing(List.of("127.0.0.1"))).refusal(InetAddress.getByName("127.0.0.2")))
                .contains(AddressKind.LOOPBACK);
    }

    @Test
    void aHostIsConnectableOnlyWhenEveryAddressIsAllowed() throws UnknownHostException {
        Map<String, String[]> dns = Map.of("public.example.com", new String[]{"93.184.216.34"},
                "mixed.example.com", new String[]{"93.184.216.34", "127.0.0.1"},
                "metadata.example.com", new String[]{"169.254.169.254"});
        HostResolver resolver = host -> {
            String[] answers = dns.get(host);
            if (answers == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] addresses = new InetAddress[answers.length];
            for (int i = 0; i < answers.length; i++) {
                addresses[i] = InetAddress.getByName(answers[i]);
            }
            return addresses;
        };
        assertThat(EgressRules.PUBLIC_ONLY.connectable("public.example.com", resolver)).hasSize(1);
        assertThatThrownBy(() -> EgressRules.PUBLIC_ONLY.connectable("mixed.example.com", resolver))
                .isInstanceOf(RefusedAddressException.class).hasMessageContaining("loopback").hasMessageNotContaining("127.0.0.1");
        assertThatThrownBy(() -> EgressRules.PUBLIC_ONLY.connectable("metadata.example.com", resolver))
                .isInstanceOfSatisfying(RefusedAddressException.class, e -> assertThat(e.kind()).isEqualTo(AddressKind.LINK_LOCAL))
                .hasMessageNotContaining("169.254");
        assertThatThrownBy(() -> EgressRules.PUBLIC_ONLY.connectable("nowhere.example.com", resolver))
                .isInstanceOf(UnknownHostException.class).isNotInstanceOf(RefusedAddressException.class);
    }

    @Test
    void rangesParseCidrBlocksAndSingleAddressesAndNameBadText() throws UnknownHostException {
        assertThat(AddressRange.parse(" 10.1.2.3/8 ").cidr()).isEqualTo("10.0.0.0/8");
        assertThat(AddressRange.parse("10.1.2.3").contains(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(AddressRange.parse("10.1.2.3").contains(InetAddress.getByName("10.1.2.4"))).isFalse();
        assertThat(AddressRange.parse("fd00::/8").contains(InetAddress.getByName("10.0.0.1"))).isFalse();
        for (String bad : new String[]{"", "ten", "10.0.0.0/33", "example.com", "10.0.0.0/8/8", "10.1", "10.*.0.0", "010.0.0.1", "10.0.0.0/255.0.0.0"}) {
            assertThatThrownBy(() -> AddressRange.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad.trim() + "'");
        }
    }
}

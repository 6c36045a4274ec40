package org.stackratings.publish.webhook;

import org.junit.jupiter.api.Test;
import org.stackratings.web.ProblemException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetUrlPolicyTest {

    /** Host names answered from a table, so no DNS is asked. */
    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "rebind.example.com", "169.254.169.254",
            "inside.example.com", "10.1.2.3",
            "v6.example.com", "2606:2800:220:1::248");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String ip = DNS.get(host);
        if (ip == null) {
            if (host.matches("[0-9.]+|\\[.*]")) {
                return new InetAddress[]{InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[]{InetAddress.getByName(ip)};
    }

    private final TargetUrlPolicy strict = new TargetUrlPolicy(false, false, TargetUrlPolicyTest::resolve);

    @Test
    void acceptsHttpsToPublicAddresses() {
        assertThat(strict.check("https://hooks.example.com/stackratings?x=1").getHost()).isEqualTo("hooks.example.com");
        assertThat(strict.check("https://v6.example.com:8443/hook")).isNotNull();
        assertThat(strict.check("https://93.184.216.34/hook")).isNotNull();
    }

    @Test
    void refusesOtherSchemesMissingHostsAndCredentials() {
        assertRefused("http://hooks.example.com/hook", "must use https");
        assertRefused("ftp://hooks.example.com/hook", "must use https");
        assertRefused("/relative/hook", "must use https");
        assertRefused("https:///hook", "no host");
        assertRefused("https://hooks.example.com:70000/hook", "invalid port");
        assertRefused("https://user:pw@hooks.example.com/hook", "user information");
        assertRefused("https://hooks.example.com/hook#frag", "fragment");
        assertRefused("https://hooks example.com/", "not a URL");
        assertRefused("https://nowhere.example.com/hook", "cannot be resolved");
        assertRefused("https://hooks.example.com/" + "a".repeat(2000), "at most 2000");
    }

    @Test
    void refusesLoopbackLinkLocalPrivateAndReservedAddresses() {
        for (String url : new String[]{"https://127.0.0.1/", "https://127.8.9.1/", "https://[::1]/", "https://0.0.0.0/",
                "https://169.254.169.254/latest/meta-data", "https://[fe80::1]/", "https://10.0.0.1/", "https://172.16.5.4/",
                "https://192.168.1.1/", "https://100.64.0.1/", "https://[fd00::1]/", "https://[fc12::1]/", "https://224.0.0.1/",
                "https://198.18.0.1/", "https://240.0.0.1/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/",
                "https://[64:ff9b::a00:1]/", "https://rebind.example.com/", "https://inside.example.com/"}) {
            assertRefused(url, "non-public address");
        }
    }

    @Test
    void refusesIpv6AnswersThatCarryANonPublicIpv4Address() throws Exception {
        // a resolver can answer these as IPv6 addresses (Java keeps an Inet6Address for ::ffff:a.b.c.d from DNS)
        Map<String, InetAddress> answers = Map.ofEntries(
                Map.entry("mapped-loopback.example.com", ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1)),
                Map.entry("mapped-metadata.example.com", ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 169, 254, 169, 254)),
                Map.entry("six-to-four.example.com", ipv6(0x20, 0x02, 10, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)),
                Map.entry("teredo.example.com", ipv6(0x20, 0x01, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 1)),
                Map.entry("documentation.example.com", ipv6(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)),
                Map.entry("siit.example.com", ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 10, 0, 0, 1)),
                Map.entry("nat64-local.example.com", ipv6(0, 0x64, 0xff, 0x9b, 0, 1, 0, 0, 0, 0, 0, 0, 10, 0, 0, 1)),
                Map.entry("nat64.example.com", ipv6(0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 127, 0, 0, 1)),
                Map.entry("compatible.example.com", ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 1, 2, 3)),
                Map.entry("orchid.example.com", ipv6(0x20, 0x01, 0, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)),
                Map.entry("discard.example.com", ipv6(0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)),
                Map.entry("mapped-public.example.com", ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 93, 184, 216, 34)));
        assertThat(answers.values()).allSatisfy(a -> assertThat(a).isInstanceOf(Inet6Address.class));
        TargetUrlPolicy policy = new TargetUrlPolicy(false, false, host -> new InetAddress[]{answers.get(host)});
        for (String host : List.of("mapped-loopback", "mapped-metadata", "six-to-four", "teredo", "documentation", "siit",
                "nat64-local", "nat64", "compatible", "orchid", "discard")) {
            assertThatThrownBy(() -> policy.check("https://" + host + ".example.com/hook")).as(host)
                    .isInstanceOf(ProblemException.class).hasMessageContaining("non-public address");
        }
        assertThat(policy.check("https://mapped-public.example.com/hook")).isNotNull();
    }

    private static InetAddress ipv6(int... bytes) throws UnknownHostException {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) bytes[i];
        }
        return Inet6Address.getByAddress(null, b, -1);
    }

    @Test
    void configurationCanAllowHttpAndPrivateTargets() {
        TargetUrlPolicy lax = new TargetUrlPolicy(true, true, TargetUrlPolicyTest::resolve);
        assertThat(lax.check("http://127.0.0.1:8099/hook").getPort()).isEqualTo(8099);
        assertThat(lax.check("https://inside.example.com/hook")).isNotNull();
        assertThatThrownBy(() -> lax.check("ftp://127.0.0.1/")).hasMessageContaining("https or http");
        assertThatThrownBy(() -> lax.check("https://nowhere.example.com/")).hasMessageContaining("cannot be resolved");
        TargetUrlPolicy httpOnly = new TargetUrlPolicy(true, false, TargetUrlPolicyTest::resolve);
        assertThat(httpOnly.check("http://hooks.example.com/hook")).isNotNull();
        assertThatThrownBy(() -> httpOnly.check("http://127.0.0.1/")).hasMessageContaining("non-public");
    }

    private void assertRefused(String url, String reason) {
        assertThatThrownBy(() -> strict.check(url)).as(url).isInstanceOf(ProblemException.class).hasMessageContaining(reason);
    }
}

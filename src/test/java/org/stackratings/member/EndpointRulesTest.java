package org.stackratings.member;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stackratings.egress.AddressRange;
import org.stackratings.egress.AgencyEgress;
import org.stackratings.egress.EgressRules;
import org.stackratings.egress.HostResolver;
import org.stackratings.egress.StaticHosts;
import org.stackratings.web.ProblemException;
import org.stackratings.web.ProblemType;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The onboarding refusals without the application: an agency that allows nothing but public https, and no DNS. */
class EndpointRulesTest {

    /** Answers IP literals as the JDK does (no lookup) and no name at all, as if DNS had never heard of it. */
    private static final HostResolver NO_DNS = host -> {
        try {
            return new InetAddress[] {InetAddress.getByAddress(host, AddressRange.parse(host).block().getBytes())};
        } catch (IllegalArgumentException e) {
            throw new UnknownHostException(host);
        }
    };

    private static final Map<String, String> HOSTS = Map.of(
            "keystone.example.com", "93.184.215.14",
            "nova.example.com", "93.184.215.15",
            "v6.example.com", "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
            "metadata.evil.test", "169.254.169.254",
            "mixed.evil.test", "93.184.215.14, 10.9.9.9",
            "private.corp.test", "10.1.2.3");

    private static EndpointRules rules(boolean allowHttp, List<String> agencyRanges) {
        return new EndpointRules(new AgencyEgress(EgressRules.allowing(agencyRanges), StaticHosts.of(HOSTS, NO_DNS),
                allowHttp, Set.of(443)));
    }

    private static final EndpointRules STRICT = rules(false, List.of());

    static MemberRequest request(String authUrl, List<String> allowedHosts, Boolean insecure, List<String> allowedRanges) {
        return new MemberRequest("m", null, null, authUrl, "RegionOne", new MemberRequest.Project(null, "probe", null),
                null, allowedHosts, null, insecure, allowedRanges);
    }

    private static MemberRequest authUrl(String url) {
        return request(url, null, null, null);
    }

    /** Each refused auth URL (plain http allowed through insecure where the scheme is not the point) and the detail's start. */
    static Stream<Arguments> refusedAuthUrls() {
        String nonPublic = " a non-public address (";
        return Stream.of(
                Arguments.of("http://169.254.169.254/latest/meta-data", "authUrl: 169.254.169.254 is" + nonPublic + "link local)"),
                Arguments.of("http://127.0.0.1:5000/v3", "authUrl: 127.0.0.1 is" + nonPublic + "loopback)"),
                Arguments.of("https://127.0.0.2/v3", "authUrl: 127.0.0.2 is" + nonPublic + "loopback)"),
                Arguments.of("https://[::1]/v3", "authUrl: ::1 is" + nonPublic + "loopback)"),
                Arguments.of("https://[::ffff:127.0.0.1]/v3", "authUrl: ::ffff:127.0.0.1 is" + nonPublic + "loopback)"),
                Arguments.of("https://[::ffff:a9fe:a9fe]/v3", "authUrl: ::ffff:a9fe:a9fe is" + nonPublic + "link local)"),
                Arguments.of("https://10.0.0.5/v3", "authUrl: 10.0.0.5 is" + nonPublic + "private)"),
                Arguments.of("https://172.16.0.1/v3", "authUrl: 172.16.0.1 is" + nonPublic + "private)"),
                Arguments.of("https://192.168.1.1:5000/v3", "authUrl: 192.168.1.1 is" + nonPublic + "private)"),
                Arguments.of("https://[fd00::1]/v3", "authUrl: fd00::1 is" + nonPublic + "private)"),
                Arguments.of("https://[fe80::1]/v3", "authUrl: fe80::1 is" + nonPublic + "link local)"),
                Arguments.of("https://100.64.0.1/v3", "authUrl: 100.64.0.1 is" + nonPublic + "carrier nat)"),
                Arguments.of("https://224.0.0.1/v3", "authUrl: 224.0.0.1 is" + nonPublic + "multicast)"),
                Arguments.of("https://[ff02::1]/v3", "authUrl: ff02::1 is" + nonPublic + "multicast)"),
                Arguments.of("https://192.0.2.10/v3", "authUrl: 192.0.2.10 is" + nonPublic + "documentation)"),
                Arguments.of("https://[2001:db8::1]/v3", "authUrl: 2001:db8::1 is" + nonPublic + "documentation)"),
                Arguments.of("https://198.18.0.1/v3", "authUrl: 198.18.0.1 is" + nonPublic + "benchmarking)"),
                Arguments.of("https://0.0.0.0/v3", "authUrl: 0.0.0.0 is" + nonPublic + "unspecified)"),
                Arguments.of("https://240.0.0.1/v3", "authUrl: 240.0.0.1 is" + nonPublic + "reserved)"),
                Arguments.of("https://metadata.evil.test/v3", "authUrl: metadata.evil.test resolves to" + nonPublic + "link local)"),
                Arguments.of("https://METADATA.evil.test./v3", "authUrl: metadata.evil.test resolves to" + nonPublic + "link local)"),
                Arguments.of("https://mixed.evil.test/v3", "authUrl: mixed.evil.test resolves to" + nonPublic + "private)"),
                Arguments.of("https://localhost:5000/v3", "authUrl: 'localhost' is a special-use name (.localhost)"),
                Arguments.of("https://LocalHost./v3", "authUrl: 'localhost' is a special-use name (.localhost)"),
                Arguments.of("https://keystone.localhost/v3", "authUrl: 'keystone.localhost' is a special-use name (.localhost)"),
                Arguments.of("https://keystone.local/v3", "authUrl: 'keystone.local' is a special-use name (.local)"),
                Arguments.of("https://keystone.invalid/v3", "authUrl: 'keystone.invalid' is a special-use name (.invalid)"),
                Arguments.of("https://keystone.example/v3", "authUrl: 'keystone.example' is a special-use name (.example)"),
                Arguments.of("https://keystone.onion/v3", "authUrl: 'keystone.onion' is a special-use name (.onion)"),
                Arguments.of("https://2130706433/v3", "authUrl: '2130706433' is not a host name, nor an IP address in standard form"),
                // java.net.URI finds no host in these (a last label must not start with a digit)
                Arguments.of("https://127.1/v3", "authUrl: needs a host name or IP address"),
                Arguments.of("https://0x7f.0.0.1/v3", "authUrl: needs a host name or IP address"),
                Arguments.of("https://010.0.0.1/v3", "authUrl: '010.0.0.1' is not a host name, nor an IP address in standard form"),
                Arguments.of("https://user:pw@keystone.example.com/v3", "authUrl: must not carry user information"),
                Arguments.of("https://probe@keystone.example.com/v3", "authUrl: must not carry user information"),
                Arguments.of("https://keystone.example.com/v3?project=probe", "authUrl: must not have a query string"),
                Arguments.of("https://keystone.example.com/v3?", "authUrl: must not have a query string"),
                Arguments.of("https://keystone.example.com/v3#top", "authUrl: must not have a fragment"),
                Arguments.of("ftp://keystone.example.com/v3", "authUrl: must use https"),
                Arguments.of("https://keystone.example.com:0/v3", "authUrl: port must be from 1 to 65535, got 0"),
                Arguments.of("https://keystone.example.com:65536/v3", "authUrl: port must be from 1 to 65535, got 65536"),
                Arguments.of("https://keystone.example.com:99999999999/v3", "authUrl: needs a host name or IP address"),
                Arguments.of("https:///v3", "authUrl: needs a host name or IP address"),
                Arguments.of("https://key stone/v3", "authUrl: is not a valid URL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAuthUrls")
    void refusesTheAuthUrl(String url, String detail) {
        ProblemException refused = catchThrowableOfType(() -> STRICT.check(request(url, null, true, null)), ProblemException.class);
        assertThat(refused).as(url).isNotNull();
        assertThat(refused.type()).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(refused.getMessage()).startsWith(detail);
    }

    @Test
    void neverRepeatsTheAuthUrlSoAPasswordInItIsNotReflected() {
        ProblemException refused = catchThrowableOfType(
                () -> STRICT.check(authUrl("https://probe:Secret-Pa55@keystone.example.com/v3")), ProblemException.class);
        assertThat(refused.getMessage()).doesNotContain("Secret-Pa55").doesNotContain("probe:");
    }

    @Test
    void refusesPlainHttpUnlessTheMemberIsInsecureOrTheAgencyAllowsIt() {
        String http = "http://keystone.example.com:5000/v3";
        assertThatThrownBy(() -> STRICT.check(authUrl(http))).isInstanceOf(ProblemException.class)
                .hasMessageStartingWith("authUrl: must use https; plain http only for a member marked insecure");
        assertThatThrownBy(() -> STRICT.check(request(http, null, false, null))).isInstanceOf(ProblemException.class);
        assertThat(STRICT.check(request(http, null, true, null))).isEmpty();
        assertThat(rules(true, List.of()).check(authUrl(http))).isEmpty();
    }

    @Test
    void refusesAnAllowedHostNamingItsIndex() {
        assertThatThrownBy(() -> STRICT.check(request("https://keystone.example.com/v3",
                List.of("nova.example.com", "glance.example.com", "metadata.evil.test"), null, null)))
                .isInstanceOf(ProblemException.class)
                .hasMessage("allowedHosts[2]: metadata.evil.test resolves to a non-public address (link local), which the"
                        + " agency does not connect to unless its range is allowed: allowedRanges for this member,"
                        + " stackratings.egress.allowed-ranges for every member");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.2", "[::1]", "::1", "localhost", "printer.local", "10.0.0.1", "private.corp.test",
            "2130706433", "127.1", "0x7f.0.0.1", "0177.0.0.1", "", "."})
    void refusesEachKindOfAllowedHost(String host) {
        assertThatThrownBy(() -> STRICT.check(request("https://keystone.example.com/v3", List.of("nova.example.com", host), null, null)))
                .isInstanceOf(ProblemException.class).hasMessageStartingWith("allowedHosts[1]: ");
    }

    @Test
    void refusesARangeThatIsNotCidrNamingTheEntry() {
        assertThatThrownBy(() -> STRICT.check(request("https://keystone.example.com/v3", null, null, List.of("10.0.0.0/8", "10.0.0.0/33"))))
                .isInstanceOf(ProblemException.class)
                .hasMessage("allowedRanges[1]: '10.0.0.0/33' is not an IP address or CIDR block (e.g. 10.0.0.0/8, fd00::/8)");
        assertThatThrownBy(() -> STRICT.check(request("https://keystone.example.com/v3", null, null, List.of("cloud.example.com"))))
                .isInstanceOf(ProblemException.class).hasMessageStartingWith("allowedRanges[0]: 'cloud.example.com' is not");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "::/0", "127.0.0.0/8", "127.0.0.1", "169.254.0.0/16", "::1/128", "::ffff:0:0/96"})
    void refusesAMemberRangeThatIncludesTheAgencyItselfOrTheMetadataAddress(String range) {
        assertThatThrownBy(() -> STRICT.check(request("https://keystone.example.com/v3", null, null, List.of(range))))
                .isInstanceOf(ProblemException.class)
                .hasMessageStartingWith("allowedRanges[0]: ").hasMessageContaining("includes the agency's own loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://keystone.example.com:5000/v3", "https://KEYSTONE.example.com./v3", "https://93.184.215.14/v3",
            "https://[2606:4700::1111]:5000/identity/v3", "https://v6.example.com/v3", "https://keystone.nowhere.test/v3",
            "https://keystone.corp.internal/v3", "https://keystone.example.com:65535", "https://keystone.example.com:1/v3"})
    void acceptsPublicAndUnresolvedEndpoints(String url) {
        assertThat(STRICT.check(request(url, List.of("nova.example.com", "unknown.nowhere.test", "93.184.215.16"), null, null))).isEmpty();
    }

    @Test
    void acceptsANonPublicAddressInARangeOfTheMemberOrOfTheAgency() {
        assertThatThrownBy(() -> STRICT.check(authUrl("https://10.0.0.5/v3"))).isInstanceOf(ProblemException.class);
        assertThat(STRICT.check(request("https://10.0.0.5/v3", List.of("private.corp.test"), null, List.of("10.0.0.0/8"))))
                .containsExactly("10.0.0.0/8");
        assertThat(STRICT.check(request("https://private.corp.test/v3", null, null, List.of("10.1.0.0/16")))).containsExactly("10.1.0.0/16");
        assertThat(rules(false, List.of("10.0.0.0/8")).check(authUrl("https://private.corp.test/v3"))).isEmpty();
        assertThat(rules(true, List.of("127.0.0.1/32")).check(authUrl("http://127.0.0.1:8780/aurora/identity/v3"))).isEmpty();
        // another member's range is not this member's
        assertThatThrownBy(() -> STRICT.check(request("https://10.0.0.5/v3", null, null, List.of("192.168.0.0/16"))))
                .isInstanceOf(ProblemException.class).hasMessageContaining("(private)");
    }

    @Test
    void storesTheMembersRangesCanonicalWithoutDuplicates() {
        assertThat(STRICT.check(request("https://keystone.example.com/v3", null, null,
                List.of(" 10.1.2.3/8", "10.0.0.0/8", "FD00:0::/8", "192.168.7.7"))))
                .containsExactly("10.0.0.0/8", "fd00::/8", "192.168.7.7");
    }
}

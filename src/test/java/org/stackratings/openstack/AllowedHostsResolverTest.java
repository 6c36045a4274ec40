package org.stackratings.openstack;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowedHostsResolverTest {

    private final AllowedHostsResolver resolver = new AllowedHostsResolver(Set.of("keystone.example.com", "nova.example.com"));

    @Test
    void letsAllowedHostsThroughWhateverThePort() {
        assertThat(resolver.check("https://nova.example.com:8774/v2.1")).isEqualTo("https://nova.example.com:8774/v2.1");
        assertThat(resolver.check("https://KEYSTONE.example.com/v3")).isEqualTo("https://KEYSTONE.example.com/v3");
    }

    @Test
    void refusesOtherHostsIncludingTheAgencysOwnAddresses() {
        for (String url : new String[]{"http://169.254.169.254/latest/meta-data", "http://127.0.0.1:8080/q/metrics",
                "http://[::1]:8080/", "https://evil.example.net/v2.1", "not a url"}) {
            assertThatThrownBy(() -> resolver.check(url)).as(url)
                    .isInstanceOf(EndpointNotAllowedException.class).hasMessageContaining("not allowed");
        }
    }

    @Test
    void normalisesKeystoneUrls() {
        assertThat(KeystoneUrl.normalize("https://k:5000")).isEqualTo("https://k:5000/v3");
        assertThat(KeystoneUrl.normalize("https://k:5000/v3/")).isEqualTo("https://k:5000/v3");
        assertThat(KeystoneUrl.normalize("https://k/identity/v3")).isEqualTo("https://k/identity/v3");
    }
}

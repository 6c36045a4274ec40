package org.stackratings.egress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code stackratings.egress.*}: where the agency may connect when it calls member clouds (docs/configuration.md).
 * Public unicast addresses only, unless a range is allowed here (for every member) or on the member itself.
 */
@ConfigMapping(prefix = "stackratings.egress")
public interface EgressConfig {

    /**
     * Address ranges (CIDR) that member clouds may be reached at although they are not public, for every member: for
     * instance a private cloud on 10.0.0.0/8. Dev and test allow the in-process sandbox's 127.0.0.1 only.
     */
    Optional<List<String>> allowedRanges();

    /** Whether plain http may be used for member clouds without marking the member insecure (dev and test: the sandbox). */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Ports a member's endpoints may use besides its auth URL's own port: https, http and the standard ports of
     * the OpenStack APIs (and their TLS proxies as TripleO deploys them).
     */
    @WithDefault("443,80,5000,8774,8776,8778,9292,9696,13000,13292,13696,13774,13776,13778")
    List<Integer> allowedPorts();

    /**
     * Host names answered from this table instead of DNS, each with one or more IP addresses (comma-separated), like
     * curl's {@code --resolve}: for split-horizon names and for tests. The addresses are vetted like DNS answers.
     */
    Map<String, String> hosts();
}

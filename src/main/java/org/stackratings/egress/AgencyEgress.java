package org.stackratings.egress;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;

/**
 * The agency's egress settings for member clouds, read and checked once at start-up (a bad range or host entry
 * stops the application with a message naming it).
 */
@Startup
@ApplicationScoped
public class AgencyEgress {

    private final EgressRules rules;
    private final HostResolver resolver;
    private final boolean allowHttp;
    private final Set<Integer> allowedPorts;

    @Inject
    public AgencyEgress(EgressConfig config) {
        this(EgressRules.allowing(config.allowedRanges().orElse(List.of())),
                StaticHosts.of(config.hosts(), HostResolver.SYSTEM), config.allowHttp(), Set.copyOf(config.allowedPorts()));
    }

    public AgencyEgress(EgressRules rules, HostResolver resolver, boolean allowHttp, Set<Integer> allowedPorts) {
        this.rules = rules;
        this.resolver = resolver;
        this.allowHttp = allowHttp;
        this.allowedPorts = Set.copyOf(allowedPorts);
    }

    /** The agency's rules plus the ranges allowed for one member. */
    public EgressRules rulesFor(List<String> memberRanges) {
        return memberRanges == null || memberRanges.isEmpty() ? rules : rules.and(EgressRules.allowing(memberRanges));
    }

    public EgressRules rules() {
        return rules;
    }

    public HostResolver resolver() {
        return resolver;
    }

    /** Whether http is allowed for members not marked insecure. */
    public boolean allowHttp() {
        return allowHttp;
    }

    /** Ports allowed besides the auth URL's own. */
    public Set<Integer> allowedPorts() {
        return allowedPorts;
    }
}

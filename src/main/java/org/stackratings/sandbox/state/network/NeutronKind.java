package org.stackratings.sandbox.state.network;

/** The kinds of Neutron resources the sandbox keeps: names in bodies and URLs, and the project quota of each. */
public enum NeutronKind {
    NETWORK("network", "networks", "networks", 100),
    SUBNET("subnet", "subnets", "subnets", 100),
    PORT("port", "ports", "ports", 500),
    ROUTER("router", "routers", "routers", 10),
    FLOATINGIP("floatingip", "floatingips", "floatingips", 50),
    SECURITY_GROUP("security_group", "security_groups", "security-groups", 10),
    SECURITY_GROUP_RULE("security_group_rule", "security_group_rules", "security-group-rules", 100),
    SUBNETPOOL("subnetpool", "subnetpools", "subnetpools", -1);

    private final String singular;
    private final String plural;
    private final String path;
    private final int defaultQuota;

    NeutronKind(String singular, String plural, String path, int defaultQuota) {
        this.singular = singular;
        this.plural = plural;
        this.path = path;
        this.defaultQuota = defaultQuota;
    }

    /** The key of one resource in a body ({@code security_group}), also its quota name. */
    public String singular() {
        return singular;
    }

    /** The key of a list in a body ({@code security_groups}). */
    public String plural() {
        return plural;
    }

    /** The collection's URL segment under {@code /v2.0} ({@code security-groups}). */
    public String path() {
        return path;
    }

    /** Neutron's default quota for the kind; -1 is unlimited. */
    public int defaultQuota() {
        return defaultQuota;
    }
}

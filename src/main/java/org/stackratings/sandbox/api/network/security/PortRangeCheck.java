package org.stackratings.sandbox.api.network.security;

import org.stackratings.sandbox.api.network.NeutronError;

/** Neutron's checks of a rule's port range (TCP, UDP, SCTP, DCCP, UDP-Lite) or ICMP type and code. */
record PortRangeCheck(int protocol, Integer min, Integer max) {

    void check() {
        if (min == null && max == null) {
            return;
        }
        if (protocol == -1) {
            throw new NeutronError(400, "SecurityGroupProtocolRequiredWithPorts",
                    "Must also specify protocol if port range is given.");
        }
        if (RuleProtocols.takesPorts(protocol)) {
            if (Integer.valueOf(0).equals(min) || Integer.valueOf(0).equals(max)) {
                throw new NeutronError(400, "SecurityGroupInvalidPortValue", "Invalid value for port 0.");
            }
            if (min == null || (max != null && min > max)) {
                throw new NeutronError(400, "SecurityGroupInvalidPortRange",
                        "For TCP/UDP protocols, port_range_min must be <= port_range_max");
            }
            return;
        }
        if (RuleProtocols.isIcmp(protocol)) {
            if (min != null && min > 255) {
                throw icmp("type", "port_range_min", min);
            }
            if (max != null && max > 255) {
                throw icmp("code", "port_range_max", max);
            }
            if (min == null) {
                throw new NeutronError(400, "SecurityGroupMissingIcmpType", "ICMP code (port-range-max) " + max
                        + " is provided but ICMP type (port-range-min) is missing.");
            }
            return;
        }
        throw new NeutronError(400, "SecurityGroupInvalidProtocolForPort", "Invalid protocol " + protocol
                + " for port range, only supported for TCP, UDP, UDPLITE, SCTP and DCCP.");
    }

    private static NeutronError icmp(String field, String attribute, int value) {
        return new NeutronError(400, "SecurityGroupInvalidIcmpValue", "Invalid value for ICMP " + field + " ("
                + attribute + ") " + value + ". It must be 0 to 255.");
    }
}

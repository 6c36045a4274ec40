package org.stackratings.member;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Egress as in production, but for the in-process sandbox on 127.0.0.1: no plain http unless a member is insecure,
 * no other loopback address (not even ::1, which the test profile allows), and a few names answered without DNS.
 */
public class StrictEgressProfile implements QuarkusTestProfile {

    /** A name that an attacker pointed at the cloud metadata service. */
    static final String METADATA_NAME = "metadata.evil.test";
    /** A private cloud's Keystone host. */
    static final String PRIVATE_NAME = "keystone.corp.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "stackratings.egress.allow-http", "false",
                "stackratings.egress.allowed-ranges", "127.0.0.1/32",
                "stackratings.egress.hosts.\"" + METADATA_NAME + "\"", "169.254.169.254",
                "stackratings.egress.hosts.\"" + PRIVATE_NAME + "\"", "10.20.30.40",
                // public addresses, so that onboarding the documented example never asks DNS
                "stackratings.egress.hosts.\"keystone.example.com\"", "93.184.215.14",
                "stackratings.egress.hosts.\"nova.example.com\"", "93.184.215.15",
                "stackratings.egress.hosts.\"glance.example.com\"", "93.184.215.16");
    }
}

package org.stackratings.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.util.List;

/**
 * What an operator sends to onboard or replace a member. On replace (PUT) {@code credentials} may be
 * omitted to keep the stored ones. {@link #toString()} never shows secrets. Besides these constraints,
 * {@link EndpointRules} refuses auth URLs and hosts that would aim the agency at its own network.
 *
 * @param insecure      plain http is allowed for this member's cloud (default false: https only, unless
 *                      {@code stackratings.egress.allow-http})
 * @param allowedRanges address ranges (CIDR) this member's cloud may be reached at although they are not public, for
 *                      instance a private cloud on {@code 10.0.0.0/8} (default none)
 */
public record MemberRequest(
        @Pattern(regexp = MemberRequest.SLUG, message = "must match " + MemberRequest.SLUG) String slug,
        @Size(max = 200) String displayName,
        @Size(max = 200) String providerName,
        @NotBlank @Size(max = 2048)
        @Pattern(regexp = "^https?://[^/\\s?#]+(/\\S*)?$", message = "must be an absolute http(s) URL of Keystone v3, e.g. https://keystone.example.com:5000/v3")
        String authUrl,
        @NotBlank @Size(max = 255) String region,
        @NotNull @Valid Project project,
        @Valid Credentials credentials,
        List<@NotBlank @Size(max = 253) @Pattern(regexp = "^[A-Za-z0-9.\\-\\[\\]:]+$", message = "must be a host name or IP address") String> allowedHosts,
        @Valid Probes probes,
        @Schema(description = "Allow plain http for this member's cloud (default false: https only, unless the agency allows http)")
        Boolean insecure,
        @Schema(description = "Non-public address ranges (CIDR) this member's cloud may be reached at, e.g. 10.0.0.0/8 (default none)")
        @Size(max = MemberRequest.MAX_RANGES) List<@NotBlank @Size(max = 64) String> allowedRanges) {

    public static final String SLUG = "^[a-z0-9][a-z0-9-]{1,62}$";
    static final int MAX_RANGES = 32;

    /** Onboarding with password credentials (the OpenAPI example; MemberResourceTest posts it). */
    static final String EXAMPLE = """
            {"slug": "my-cloud", "displayName": "My cloud, region one", "providerName": "Example Cloud Ltd",
             "authUrl": "https://keystone.example.com:5000/v3", "region": "RegionOne",
             "project": {"name": "probe", "domain": "Default"},
             "credentials": {"type": "password", "username": "probe", "password": "s3cret-probe-password", "userDomain": "Default"},
             "allowedHosts": ["nova.example.com", "glance.example.com"],
             "allowedRanges": ["10.20.0.0/16"],
             "probes": {"api": {"enabled": true, "interval": "PT60S"},
                        "lifecycle": {"enabled": true, "interval": "PT15M", "flavor": "m1.tiny", "image": "cirros", "network": "private"},
                        "compliance": {"enabled": true, "interval": "PT24H"},
                        "conformance": {"enabled": true, "interval": "P1D", "flavorAlt": "m1.small"}}}""";

    /** Replacing a member's settings and keeping its stored credentials. */
    static final String EXAMPLE_REPLACE = """
            {"displayName": "My cloud, region one", "providerName": "Example Cloud Ltd",
             "authUrl": "https://keystone.example.com:5000/v3", "region": "RegionOne",
             "project": {"name": "probe", "domain": "Default"},
             "allowedHosts": ["nova.example.com", "glance.example.com"],
             "insecure": false, "allowedRanges": ["10.20.0.0/16"],
             "probes": {"api": {"enabled": true, "interval": "PT60S"},
                        "lifecycle": {"enabled": true, "interval": "PT15M", "flavor": "m1.tiny", "image": "cirros", "network": "private"},
                        "compliance": {"enabled": true, "interval": "PT24H"},
                        "conformance": {"enabled": true, "interval": "P1D", "flavorAlt": "m1.small"}}}""";

    /** A member reached over https at public addresses only (no {@code insecure}, no {@code allowedRanges}). */
    public MemberRequest(String slug, String displayName, String providerName, String authUrl, String region,
                         Project project, Credentials credentials, List<String> allowedHosts, Probes probes) {
        this(slug, displayName, providerName, authUrl, region, project, credentials, allowedHosts, probes, null, null);
    }

    /** The Keystone project the probe account is scoped to: by id, or by name and domain. */
    public record Project(@Size(max = 255) String id, @Size(max = 255) String name, @Size(max = 255) String domain) {
        @AssertTrue(message = "give the project id, or its name (and domain, default 'Default')")
        public boolean isIdentified() {
            return (id != null && !id.isBlank()) || (name != null && !name.isBlank());
        }
    }

    /** Password or application credential of the probe account. */
    public record Credentials(@NotNull CredentialType type,
                              @Size(max = 255) String username,
                              @Size(max = 255) String userDomain,
                              @Size(max = 512) String password,
                              @Size(max = 255) String applicationCredentialId,
                              @Size(max = 512) String applicationCredentialSecret) {

        @AssertTrue(message = "password credentials need username and password; application credentials need applicationCredentialId and applicationCredentialSecret")
        public boolean isComplete() {
            if (type == null) {
                return true;
            }
            return switch (type) {
                case PASSWORD -> present(username) && present(password);
                case APPLICATION_CREDENTIAL -> present(applicationCredentialId) && present(applicationCredentialSecret);
            };
        }

        String secret() {
            return type == CredentialType.PASSWORD ? password : applicationCredentialSecret;
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }

        @Override
        public String toString() {
            return "Credentials[type=" + type + ", username=" + username + ", secret=***]";
        }
    }

    /** Which probes run and how often. */
    public record Probes(@Valid ApiProbe api, @Valid LifecycleProbe lifecycle, @Valid ComplianceProbe compliance,
                         @Valid ConformanceProbe conformance) {

        public Probes(ApiProbe api, LifecycleProbe lifecycle, ComplianceProbe compliance) {
            this(api, lifecycle, compliance, null);
        }
    }

    /** The {@code api} probe: enabled by default, at the default cadence unless an ISO-8601 interval is given. */
    public record ApiProbe(Boolean enabled, Duration interval) {
    }

    /**
     * The {@code lifecycle} probe boots and deletes a test instance: off unless enabled, because it uses the member's
     * quota. Flavor, image and network are names or ids; when absent the probe picks the smallest flavor, a public
     * cirros-like image and the project's network.
     */
    public record LifecycleProbe(Boolean enabled, Duration interval, @Size(max = 255) String flavor,
                                 @Size(max = 255) String image, @Size(max = 255) String network) {
    }

    /** The {@code compliance} probe checks the interoperability guideline's required capabilities; off unless enabled. */
    public record ComplianceProbe(Boolean enabled, Duration interval) {
    }

    /**
     * The {@code conformance} run checks every required capability by creating and deleting what it needs (servers,
     * volumes, networks, images, keypairs; docs/compliance.md); off unless enabled, daily by default. It boots on the
     * lifecycle probe's flavor, image and network; {@code flavorAlt}, a second flavor, lets it check resize.
     */
    public record ConformanceProbe(Boolean enabled, Duration interval, @Size(max = 255) String flavorAlt) {
    }
}

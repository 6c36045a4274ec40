package org.stackratings.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.util.List;

/**
 * What an operator sends to onboard or replace a member. On replace (PUT) {@code credentials} may be
 * omitted to keep the stored ones. {@link #toString()} never shows secrets.
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
        @Valid Probes probes) {

    public static final String SLUG = "^[a-z0-9][a-z0-9-]{1,62}$";

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
    public record Probes(@Valid ApiProbe api, @Valid LifecycleProbe lifecycle, @Valid ComplianceProbe compliance) {
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
}

package org.stackratings.probe;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.stackratings.sandbox.SandboxFixture;
import org.stackratings.sandbox.SandboxServer;
import org.stackratings.sandbox.profile.HostileMode;
import org.stackratings.sandbox.profile.HostileProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One sandbox cloud of each hostile mode, onboarded into a packaged application as a member: redirects and foreign
 * endpoints aim at the {@link Canary}; the dns-name mode names {@link #DNS_NAME}, which the application is to resolve
 * to the canary's address ({@link #egressSettings()}).
 */
final class HostileMemberSet {

    static final String DNS_NAME = "compute.hostile.test";

    private HostileMemberSet() {
    }

    /** The application's static host entry that points the hostile name at the canary's address. */
    static Map<String, String> egressSettings() {
        return Map.of("stackratings.egress.hosts.\"" + DNS_NAME + "\"", "127.0.0.2");
    }

    /** Puts the clouds into the sandbox and onboards them with these probe settings; returns their slugs. */
    static List<String> onboard(String appUrl, String adminKey, SandboxServer sandbox, Canary canary, Map<String, Object> probes) {
        List<String> slugs = new ArrayList<>();
        for (HostileMode mode : HostileMode.values()) {
            String name = "hostile-" + mode.id();
            HostileProfile hostile = switch (mode) {
                case REDIRECT -> HostileProfile.redirect(canary.url());
                case FOREIGN_ENDPOINTS -> HostileProfile.foreignEndpoints(canary.url());
                case DNS_NAME -> HostileProfile.dnsName(DNS_NAME);
                default -> HostileProfile.of(mode);
            };
            sandbox.putCloud(SandboxFixture.hostileCloud(name, hostile));
            Response created = RestAssured.given().header("Authorization", "Bearer " + adminKey).contentType(ContentType.JSON)
                    .body(Map.of("slug", name, "displayName", name, "authUrl", sandbox.authUrl(name), "region", "RegionOne",
                            "project", Map.of("name", "probe", "domain", "Default"),
                            "credentials", Map.of("type", "password", "username", "probe", "password", name + "-secret",
                                    "userDomain", "Default"),
                            "probes", probes))
                    .post(appUrl + "/api/v1/members");
            assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
            slugs.add(name);
        }
        return slugs;
    }
}

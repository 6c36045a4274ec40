package org.stackratings.member;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

/** Onboarding refusals through the API, with production's egress rules (https only, public addresses only). */
@QuarkusTest
@TestProfile(StrictEgressProfile.class)
class MemberEgressTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NON_PUBLIC = " a non-public address (";

    @Inject
    MemberService members;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A member body; {@code insecure} and {@code allowedRanges} only when given. */
    private static Map<String, Object> body(String authUrl, List<String> allowedHosts, Boolean insecure, List<String> ranges) {
        Map<String, Object> body = new HashMap<>(memberBody(uniqueSlug("egress"), authUrl, "pw", false));
        if (allowedHosts != null) {
            body.put("allowedHosts", allowedHosts);
        }
        if (insecure != null) {
            body.put("insecure", insecure);
        }
        if (ranges != null) {
            body.put("allowedRanges", ranges);
        }
        return body;
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                // insecure, so that the address is what is refused, not plain http
                Arguments.of(body("http://169.254.169.254/latest/meta-data", null, true, null),
                        "authUrl: 169.254.169.254 is" + NON_PUBLIC + "link local)"),
                Arguments.of(body("http://127.0.0.2:5000/v3", null, true, null), "authUrl: 127.0.0.2 is" + NON_PUBLIC + "loopback)"),
                Arguments.of(body("http://127.0.0.1:5000/v3", null, null, null), "authUrl: must use https"),
                Arguments.of(body("https://[::1]/v3", null, null, null), "authUrl: ::1 is" + NON_PUBLIC + "loopback)"),
                Arguments.of(body("https://10.0.0.5/v3", null, null, null), "authUrl: 10.0.0.5 is" + NON_PUBLIC + "private)"),
                Arguments.of(body("https://10.0.0.5/v3", null, null, List.of("192.168.0.0/16")),
                        "authUrl: 10.0.0.5 is" + NON_PUBLIC + "private)"),
                Arguments.of(body("https://224.0.0.251/v3", null, null, null), "authUrl: 224.0.0.251 is" + NON_PUBLIC + "multicast)"),
                Arguments.of(body("https://203.0.113.7/v3", null, null, null), "authUrl: 203.0.113.7 is" + NON_PUBLIC + "documentation)"),
                Arguments.of(body("https://" + StrictEgressProfile.METADATA_NAME + "/v3", null, null, null),
                        "authUrl: " + StrictEgressProfile.METADATA_NAME + " resolves to" + NON_PUBLIC + "link local)"),
                Arguments.of(body("https://" + StrictEgressProfile.PRIVATE_NAME + "/v3", null, null, null),
                        "authUrl: " + StrictEgressProfile.PRIVATE_NAME + " resolves to" + NON_PUBLIC + "private)"),
                Arguments.of(body("https://localhost:5000/v3", null, null, null), "authUrl: 'localhost' is a special-use name"),
                Arguments.of(body("https://keystone.invalid/v3", null, null, null), "authUrl: 'keystone.invalid' is a special-use name"),
                Arguments.of(body("https://user:pw@keystone.example.com/v3", null, null, null), "authUrl: must not carry user information"),
                Arguments.of(body("https://keystone.example.com/v3?debug=1", null, null, null), "authUrl: must not have a query string"),
                Arguments.of(body("https://keystone.example.com/v3#v3", null, null, null), "authUrl: must not have a fragment"),
                Arguments.of(body("http://keystone.example.com/v3", null, null, null), "authUrl: must use https"),
                Arguments.of(body("http://keystone.example.com/v3", null, false, null), "authUrl: must use https"),
                Arguments.of(body("https://keystone.example.com:0/v3", null, null, null), "authUrl: port must be from 1 to 65535, got 0"),
                Arguments.of(body("https://keystone.example.com:70000/v3", null, null, null), "authUrl: port must be from 1 to 65535, got 70000"),
                Arguments.of(body("https://keystone.example.com/v3", List.of("nova.example.com", "glance.example.com", "169.254.169.254"), null, null),
                        "allowedHosts[2]: 169.254.169.254 is" + NON_PUBLIC + "link local)"),
                Arguments.of(body("https://keystone.example.com/v3", List.of(StrictEgressProfile.METADATA_NAME), null, null),
                        "allowedHosts[0]: " + StrictEgressProfile.METADATA_NAME + " resolves to" + NON_PUBLIC + "link local)"),
                Arguments.of(body("https://keystone.example.com/v3", List.of("nova.example.com", "[::1]"), null, null),
                        "allowedHosts[1]: ::1 is" + NON_PUBLIC + "loopback)"),
                Arguments.of(body("https://keystone.example.com/v3", List.of("printer.local"), null, null),
                        "allowedHosts[0]: 'printer.local' is a special-use name"),
                Arguments.of(body("https://keystone.example.com/v3", null, null, List.of("10.0.0.0/8", "10.0.0.0/33")),
                        "allowedRanges[1]: '10.0.0.0/33' is not an IP address or CIDR block"),
                Arguments.of(body("https://keystone.example.com/v3", null, null, List.of("0.0.0.0/0")),
                        "allowedRanges[0]: 0.0.0.0/0 includes the agency's own loopback"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("refusals")
    void refusesOnboarding(Map<String, Object> body, String detail) {
        admin().body(body).post("/api/v1/members")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:stackratings:problem:bad-request"))
                .body("detail", startsWith(detail))
                .body("instance", equalTo("/api/v1/members"));
        admin().get("/api/v1/members/" + body.get("slug")).then().statusCode(404);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("refusals")
    void refusesReplacing(Map<String, Object> body, String detail) {
        String slug = onboard(body("https://keystone.example.com/v3", null, null, null));
        Map<String, Object> replacement = new HashMap<>(body);
        replacement.put("slug", slug);
        admin().body(replacement).put("/api/v1/members/" + slug)
                .then().statusCode(400).contentType(PROBLEM).body("detail", startsWith(detail));
        admin().get("/api/v1/members/" + slug).then().statusCode(200)
                .body("authUrl", equalTo("https://keystone.example.com/v3")).body("insecure", equalTo(false));
    }

    @Test
    void aPrivateAddressIsAcceptedOnceTheMemberAllowsItsRange() {
        String slug = onboard(body("https://10.0.0.5/v3", null, null, List.of("10.0.0.0/8")));
        admin().get("/api/v1/members/" + slug).then().statusCode(200)
                .body("authUrl", equalTo("https://10.0.0.5/v3"))
                .body("allowedRanges", equalTo(List.of("10.0.0.0/8")))
                .body("insecure", equalTo(false));
        MemberAccount account = members.account(slug).orElseThrow();
        assertThat(account.allowedRanges()).containsExactly("10.0.0.0/8");
        assertThat(account.insecure()).isFalse();

        // a name of the private cloud, and the range given loosely: stored canonical
        String named = onboard(body("https://" + StrictEgressProfile.PRIVATE_NAME + ":5000/v3",
                List.of("10.20.30.41", "nova.example.com"), null, List.of("10.20.99.99/16", "10.20.0.0/16")));
        admin().get("/api/v1/members/" + named).then().body("allowedRanges", equalTo(List.of("10.20.0.0/16")));
    }

    @Test
    void plainHttpIsAcceptedForAMemberMarkedInsecure() {
        String slug = onboard(body("http://keystone.example.com/v3", null, true, null));
        admin().get("/api/v1/members/" + slug).then().statusCode(200).body("insecure", equalTo(true));
        assertThat(members.account(slug).orElseThrow().insecure()).isTrue();

        // replacing it without "insecure" makes it https-only again, so http is refused
        Map<String, Object> replacement = body("http://keystone.example.com/v3", null, null, null);
        replacement.put("slug", slug);
        admin().body(replacement).put("/api/v1/members/" + slug)
                .then().statusCode(400).body("detail", startsWith("authUrl: must use https"));
        replacement.put("authUrl", "https://keystone.example.com/v3");
        admin().body(replacement).put("/api/v1/members/" + slug).then().statusCode(200).body("insecure", equalTo(false));
    }

    @Test
    void anUnknownMemberOrATakenSlugIsAnsweredBeforeTheEndpointsAreJudged() {
        Map<String, Object> refused = body("https://169.254.169.254/v3", null, null, null);
        refused.put("slug", "no-such-member");
        admin().body(refused).put("/api/v1/members/no-such-member").then().statusCode(404).contentType(PROBLEM);
        String taken = onboard(body("https://keystone.example.com/v3", null, null, null));
        refused.put("slug", taken);
        admin().body(refused).post("/api/v1/members").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void membersWithoutTheFieldsGetHttpsOnlyAndNoRanges() {
        String slug = onboard(body("https://keystone.example.com/v3", null, null, null));
        admin().get("/api/v1/members/" + slug).then().statusCode(200)
                .body("insecure", equalTo(false)).body("allowedRanges", empty());
        MemberAccount account = members.account(slug).orElseThrow();
        assertThat(account.insecure()).isFalse();
        assertThat(account.allowedRanges()).isEmpty();
    }

    @Test
    void theSandboxOnTheAllowedLoopbackAddressStillOnboardsWhenInsecure() {
        onboard(body("http://127.0.0.1:8780/aurora/identity/v3", null, true, null));
    }

    @Test
    void theDocumentedExampleOnboards() {
        Response created = admin().body(MemberRequest.EXAMPLE).post("/api/v1/members");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.jsonPath().getList("allowedRanges")).containsExactly("10.20.0.0/16");
        assertThat(created.asString()).doesNotContain("s3cret-probe-password");
    }

    @Test
    void blankRangesAndTooManyRangesFailValidation() {
        admin().body(body("https://keystone.example.com/v3", null, null, List.of(" "))).post("/api/v1/members")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:stackratings:problem:validation"))
                .body("errors.field", hasItem(startsWith("allowedRanges[0]")));
        List<String> tooMany = IntStream.range(0, MemberRequest.MAX_RANGES + 1).mapToObj(i -> "10.0." + i + ".0/24").toList();
        admin().body(body("https://keystone.example.com/v3", null, null, tooMany)).post("/api/v1/members")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("allowedRanges"));
    }

    private static String onboard(Map<String, Object> body) {
        Response created = admin().body(body).post("/api/v1/members");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return (String) body.get("slug");
    }
}

package org.stackratings.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stackratings.dashboard.session.CsrfTokens;
import org.stackratings.dashboard.session.SessionCookies;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.stackratings.ApiTestSupport.ADMIN_KEY;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.createMember;
import static org.stackratings.ApiTestSupport.issueKey;
import static org.stackratings.ApiTestSupport.keyId;
import static org.stackratings.ApiTestSupport.withKey;

/** Login, session cookie, CSRF and access rules of the dashboard, over plain HTTP. */
@QuarkusTest
class DashboardLoginTest {

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aLoginFormSentChunkedIsReadLikeAnyOther() throws Exception {
        String member = createMember("dash-chunked");
        String key = issueKey("provider", member);
        Response form = RestAssured.get("/login");
        String body = "csrf-token=" + URLEncoder.encode(DashboardSessions.formToken(form.asString()), StandardCharsets.UTF_8)
                + "&key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                                URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", CsrfTokens.COOKIE + "=" + form.cookie(CsrfTokens.COOKIE))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/dashboard/" + member));
        assertThat(answer.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(SessionCookies.NAME + "="));
    }

    @Test
    void loginWithAProviderKeySetsAStrictHttpOnlySessionCookieAndLandsOnTheMembersPage() {
        String member = createMember("dash-login");
        String key = issueKey("provider", member);
        Response login = DashboardSessions.login(key, null);
        login.then().statusCode(303).header("Location", containsString("/dashboard/" + member));
        String setCookie = login.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionCookies.NAME + "=")).findFirst().orElseThrow();
        assertThat(setCookie).startsWith("__Host-stackratings_session=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Secure").contains("Path=/;").contains("Max-Age=").doesNotContainIgnoringCase("Domain=");
        assertThat(setCookie).doesNotContain(key.substring(20));
        String session = login.cookie(SessionCookies.NAME);
        assertThat(session).isNotBlank();

        // the session, not the key, is stored: only its SHA-256
        List<?> stored = em.createNativeQuery("select token_sha256 from dashboard_session where key_id = ?1")
                .setParameter(1, keyId(key)).getResultList();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).toString()).hasSize(64).isNotEqualTo(session);

        Response page = RestAssured.given().cookie(SessionCookies.NAME, session).redirects().follow(false)
                .get("/dashboard/" + member);
        page.then().statusCode(200).contentType(ContentType.HTML).header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(containsString("Provider of " + member)).body(containsString("id=\"chart-data\""));
        assertThat(page.asString()).doesNotContain(key);
        // the token under the name without the __Host- prefix (a cookie any plain-HTTP page could set) opens nothing
        RestAssured.given().cookie(SessionCookies.PLAIN_NAME, session).redirects().follow(false).get("/dashboard/" + member)
                .then().statusCode(303);
    }

    @Test
    void aWrongKeyIsRefusedWithTheLoginPageAndNoSession() {
        Response login = DashboardSessions.login("sr_0123456789abcdef_" + "0".repeat(64), null);
        login.then().statusCode(401).contentType(ContentType.HTML).body(containsString("unknown, expired or revoked"));
        assertThat(login.cookie(SessionCookies.NAME)).isNull();
        DashboardSessions.login("not-a-key", null).then().statusCode(401);
    }

    @Test
    void aKeyOfAnotherRoleCannotOpenTheDashboard() {
        String exchange = issueKey("exchange", null);
        Response login = DashboardSessions.login(exchange, null);
        login.then().statusCode(403).body(containsString("cannot open the dashboard"));
        assertThat(login.cookie(SessionCookies.NAME)).isNull();
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() {
        String member = createMember("dash-csrf");
        String key = issueKey("provider", member);
        // no token, no cookie: refused before the key is even looked at
        RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC).formParam("key", key)
                .post("/login").then().statusCode(400);
        // a token from another browser (cookie and field differ): refused
        Response first = RestAssured.get("/login");
        Response second = RestAssured.get("/login");
        RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .cookie(CsrfTokens.COOKIE, first.cookie(CsrfTokens.COOKIE))
                .formParam("csrf-token", DashboardSessions.formToken(second.asString()))
                .formParam("key", key).post("/login").then().statusCode(400);
        // the CSRF cookie itself is HttpOnly
        assertThat(first.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(CsrfTokens.COOKIE + "=")).findFirst()
                .orElseThrow()).startsWith("__Host-stackratings_csrf=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Secure").contains("Path=/").doesNotContainIgnoringCase("Domain=");
    }

    @Test
    void withoutASessionTheDashboardAsksToLogIn() {
        String member = createMember("dash-anon");
        RestAssured.given().redirects().follow(false).get("/dashboard/" + member)
                .then().statusCode(303).header("Location", containsString("/login?next=%2Fdashboard%2F" + member));
        RestAssured.given().redirects().follow(false).get("/dashboard/" + member + "/measurements.csv")
                .then().statusCode(303);
        RestAssured.given().cookie(SessionCookies.NAME, "forged-session").redirects().follow(false)
                .get("/dashboard/" + member).then().statusCode(303);
        RestAssured.get("/login?next=/dashboard/" + member).then().statusCode(200)
                .body(containsString("name=\"next\" value=\"/dashboard/" + member + "\""));
    }

    @Test
    void aProviderIsRefusedAnotherMembersPageAndCsv() {
        String mine = createMember("dash-mine");
        String theirs = createMember("dash-theirs");
        String session = DashboardSessions.session(issueKey("provider", mine));
        RestAssured.given().cookie(SessionCookies.NAME, session).redirects().follow(false).get("/dashboard/" + theirs)
                .then().statusCode(403).contentType(ContentType.HTML).body(containsString("Not your member"));
        RestAssured.given().cookie(SessionCookies.NAME, session).redirects().follow(false)
                .get("/dashboard/" + theirs + "/measurements.csv").then().statusCode(403);
        // nor an unknown one: the answer does not tell whether it exists
        RestAssured.given().cookie(SessionCookies.NAME, session).get("/dashboard/no-such-member-xyz").then().statusCode(403);
        RestAssured.given().cookie(SessionCookies.NAME, session).redirects().follow(false).get("/dashboard")
                .then().statusCode(303).header("Location", containsString("/dashboard/" + mine));
    }

    @Test
    void anAdminSeesEveryMember() {
        String one = createMember("dash-adm1");
        String two = createMember("dash-adm2");
        String session = DashboardSessions.session(ADMIN_KEY);
        for (String member : List.of(one, two)) {
            RestAssured.given().cookie(SessionCookies.NAME, session).get("/dashboard/" + member)
                    .then().statusCode(200).body(containsString("Admin"));
        }
        RestAssured.given().cookie(SessionCookies.NAME, session).get("/dashboard/no-such-member-xyz").then().statusCode(404);
        RestAssured.given().cookie(SessionCookies.NAME, session).get("/dashboard/" + one + "?range=1y").then().statusCode(400);
    }

    @Test
    void theSessionCookieIsIgnoredByTheApiWhichKeepsToBearerKeys() {
        String member = createMember("dash-api");
        String session = DashboardSessions.session(ADMIN_KEY);
        RestAssured.given().cookie(SessionCookies.NAME, session).get("/api/v1/members/" + member + "/measurements")
                .then().statusCode(401);
        withKey(ADMIN_KEY).get("/api/v1/members/" + member + "/measurements").then().statusCode(200);
        // a JSON API POST is not asked for a CSRF token
        admin().body("{\"role\":\"exchange\"}").post("/api/v1/keys").then().statusCode(201);
    }

    @Test
    void logoutEndsTheSessionAndRevokingTheKeyEndsItToo() {
        String member = createMember("dash-out");
        String key = issueKey("provider", member);
        String session = DashboardSessions.session(key);
        Response confirm = RestAssured.given().cookie(SessionCookies.NAME, session).get("/logout");
        confirm.then().statusCode(200).body(containsString("provider of " + member));
        Response out = RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .cookie(SessionCookies.NAME, session).cookie(CsrfTokens.COOKIE, confirm.cookie(CsrfTokens.COOKIE))
                .formParam("csrf-token", DashboardSessions.formToken(confirm.asString())).post("/logout");
        out.then().statusCode(303).header("Location", containsString("/login?logged-out"));
        assertThat(out.headers().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith(SessionCookies.NAME + "=;").contains("Max-Age=0")
                .contains("Secure").contains("Path=/"));
        RestAssured.given().cookie(SessionCookies.NAME, session).redirects().follow(false).get("/dashboard/" + member)
                .then().statusCode(303);

        String again = DashboardSessions.session(key);
        RestAssured.given().cookie(SessionCookies.NAME, again).get("/dashboard/" + member).then().statusCode(200);
        admin().delete("/api/v1/keys/" + keyId(key)).then().statusCode(204);
        RestAssured.given().cookie(SessionCookies.NAME, again).redirects().follow(false).get("/dashboard/" + member)
                .then().statusCode(303);
    }

    @Test
    void loginRedirectsOnlyToDashboardPages() {
        String member = createMember("dash-next");
        String key = issueKey("provider", member);
        DashboardSessions.login(key, "/dashboard/" + member + "?range=30d").then().statusCode(303)
                .header("Location", containsString("/dashboard/" + member + "?range=30d"));
        DashboardSessions.login(key, "https://evil.example/").then().statusCode(303)
                .header("Location", containsString("/dashboard/" + member));
        DashboardSessions.login(key, "//evil.example/dashboard").then().statusCode(303)
                .header("Location", containsString("/dashboard/" + member));
    }
}

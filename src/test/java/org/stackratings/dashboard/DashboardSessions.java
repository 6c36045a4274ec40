package org.stackratings.dashboard;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.stackratings.dashboard.session.CsrfTokens;
import org.stackratings.dashboard.session.SessionCookies;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Logs in to the dashboard over HTTP the way a browser does: GET the form, POST it with its CSRF token. */
public final class DashboardSessions {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private DashboardSessions() {
    }

    public static Response login(String key, String next) {
        Response form = RestAssured.get("/login");
        form.then().statusCode(200);
        var request = RestAssured.given().redirects().follow(false).contentType(ContentType.URLENC)
                .cookie(CsrfTokens.COOKIE, form.cookie(CsrfTokens.COOKIE))
                .formParam("csrf-token", formToken(form.asString()))
                .formParam("key", key);
        if (next != null) {
            request.formParam("next", next);
        }
        return request.post("/login");
    }

    /** Logs in and returns the session cookie's value. */
    public static String session(String key) {
        Response login = login(key, null);
        login.then().statusCode(303);
        return login.cookie(SessionCookies.NAME);
    }

    public static String formToken(String html) {
        Matcher m = TOKEN.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the form: " + html);
        }
        return m.group(1);
    }
}

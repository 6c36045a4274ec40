package org.stackratings.dashboard.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import org.stackratings.dashboard.DashboardConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * CSRF protection of the dashboard's forms (login, logout) by double submission: the page that shows a form sets a
 * random token in an HttpOnly, SameSite=Strict cookie and writes the same token into a hidden field; a POST is
 * accepted only when field and cookie match. Another site can make a browser send the cookie (never with
 * SameSite=Strict, and not at all from a cross-site form) but cannot read it, so it cannot fill in the field.
 * The cookie is {@value #COOKIE} (Secure, Path=/, no Domain, so no other host can plant a token of its own), or
 * {@value #PLAIN_COOKIE} with {@code stackratings.dashboard.secure-cookie=false}, as for {@link SessionCookies}.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String COOKIE = "__Host-stackratings_csrf";
    public static final String PLAIN_COOKIE = "stackratings_csrf";
    public static final String FIELD = "csrf-token";
    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private final boolean secure;
    private final String name;
    private final SecureRandom random = new SecureRandom();

    public CsrfTokens(DashboardConfig config) {
        this.secure = config.secureCookie();
        this.name = secure ? COOKIE : PLAIN_COOKIE;
    }

    /** The cookie's name: {@value #COOKIE}, or {@value #PLAIN_COOKIE} when cookies are not Secure. */
    public String name() {
        return name;
    }

    /** The token the request's cookie carries, or null. */
    public String cookieToken(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** The browser's token if it sent a well-formed one, else a new one (32 random bytes). */
    public String tokenFor(String cookie) {
        if (cookie != null && FORMAT.matcher(cookie).matches()) {
            return cookie;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The cookie that carries the token: for the browser's session (no Max-Age), HttpOnly, SameSite=Strict. */
    public NewCookie cookie(String token) {
        return new NewCookie.Builder(name).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** Whether a submitted form carries the token of the browser's cookie. */
    public boolean matches(String cookie, String field) {
        return cookie != null && field != null && FORMAT.matcher(cookie).matches()
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }
}

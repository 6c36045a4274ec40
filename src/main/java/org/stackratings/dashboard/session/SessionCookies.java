package org.stackratings.dashboard.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import org.stackratings.dashboard.DashboardConfig;

import java.time.Clock;
import java.time.Duration;

/**
 * The dashboard's session cookie {@value #NAME}: HttpOnly (no script reads it), SameSite=Strict (never sent with a
 * request that another site starts), Secure, Path=/, no Domain, and a Max-Age no longer than the session. It holds
 * only the random session token. The {@code __Host-} prefix makes browsers refuse the cookie unless it is Secure,
 * has Path=/ and no Domain, so no other host (a sibling subdomain) and no plain-HTTP page can set or shadow it. With
 * {@code stackratings.dashboard.secure-cookie=false} (plain HTTP on an address other than localhost) it cannot carry
 * the prefix, which browsers would refuse without Secure: it is then {@value #PLAIN_NAME}.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String NAME = "__Host-stackratings_session";
    public static final String PLAIN_NAME = "stackratings_session";

    private final boolean secure;
    private final String name;
    private final Clock clock;

    public SessionCookies(DashboardConfig config, Clock clock) {
        this.secure = config.secureCookie();
        this.name = secure ? NAME : PLAIN_NAME;
        this.clock = clock;
    }

    /** The cookie's name: {@value #NAME}, or {@value #PLAIN_NAME} when cookies are not Secure. */
    public String name() {
        return name;
    }

    /** The session token the request's cookie carries, or null. */
    public String token(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(name);
        return cookie == null ? null : cookie.getValue();
    }

    public NewCookie open(SessionStore.Opened session) {
        long seconds = Math.max(1, Duration.between(clock.instant(), session.expiresAt()).toSeconds());
        return base(session.token()).maxAge((int) Math.min(Integer.MAX_VALUE, seconds)).build();
    }

    public NewCookie clear() {
        return base("").maxAge(0).build();
    }

    private NewCookie.Builder base(String value) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT);
    }
}

package org.stackratings.dashboard.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.stackratings.dashboard.DashboardConfig;

import java.time.Clock;
import java.time.Duration;

/**
 * The dashboard's session cookie: HttpOnly (no script reads it), SameSite=Strict (never sent with a request that
 * another site starts), Path=/, Secure unless {@code stackratings.dashboard.secure-cookie=false}, and a Max-Age no
 * longer than the session. It holds only the random session token.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String NAME = "stackratings_session";

    private final boolean secure;
    private final Clock clock;

    public SessionCookies(DashboardConfig config, Clock clock) {
        this.secure = config.secureCookie();
        this.clock = clock;
    }

    public NewCookie open(SessionStore.Opened session) {
        long seconds = Math.max(1, Duration.between(clock.instant(), session.expiresAt()).toSeconds());
        return base(session.token()).maxAge((int) Math.min(Integer.MAX_VALUE, seconds)).build();
    }

    public NewCookie clear() {
        return base("").maxAge(0).build();
    }

    private NewCookie.Builder base(String value) {
        return new NewCookie.Builder(NAME).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT);
    }
}

package org.stackratings.dashboard.session;

import jakarta.ws.rs.core.NewCookie;
import org.junit.jupiter.api.Test;
import org.stackratings.dashboard.DashboardConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The cookies' names and attributes with Secure on (the default) and off (plain HTTP on another address). */
class SessionCookiesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void secureCookiesCarryTheHostPrefixAndItsAttributes() {
        SessionCookies sessions = new SessionCookies(config(true), CLOCK);
        CsrfTokens csrf = new CsrfTokens(config(true));

        NewCookie session = sessions.open(new SessionStore.Opened("token", NOW.plus(Duration.ofHours(2))));
        NewCookie token = csrf.cookie(csrf.tokenFor(null));

        for (NewCookie cookie : new NewCookie[] {session, token, sessions.clear()}) {
            assertThat(cookie.getName()).startsWith("__Host-");
            assertThat(cookie.isSecure()).isTrue();
            assertThat(cookie.getPath()).isEqualTo("/");
            assertThat(cookie.getDomain()).isNull();
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.getSameSite()).isEqualTo(NewCookie.SameSite.STRICT);
        }
        assertThat(session.getName()).isEqualTo(SessionCookies.NAME).isEqualTo(sessions.name());
        assertThat(session.getMaxAge()).isEqualTo(7200);
        assertThat(token.getName()).isEqualTo(CsrfTokens.COOKIE).isEqualTo(csrf.name());
    }

    @Test
    void withoutSecureTheCookiesDropThePrefixBrowsersWouldRefuse() {
        SessionCookies sessions = new SessionCookies(config(false), CLOCK);
        CsrfTokens csrf = new CsrfTokens(config(false));

        NewCookie session = sessions.open(new SessionStore.Opened("token", NOW.plus(Duration.ofHours(2))));
        NewCookie token = csrf.cookie(csrf.tokenFor(null));

        assertThat(session.getName()).isEqualTo("stackratings_session").isEqualTo(sessions.name());
        assertThat(token.getName()).isEqualTo("stackratings_csrf").isEqualTo(csrf.name());
        assertThat(session.isSecure()).isFalse();
        assertThat(token.isSecure()).isFalse();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getPath()).isEqualTo("/");
    }

    private static DashboardConfig config(boolean secure) {
        return new DashboardConfig() {
            @Override
            public Duration sessionIdleTimeout() {
                return Duration.ofMinutes(30);
            }

            @Override
            public Duration sessionMaxAge() {
                return Duration.ofHours(12);
            }

            @Override
            public boolean secureCookie() {
                return secure;
            }
        };
    }
}

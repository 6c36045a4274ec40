package org.stackratings.dashboard.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.stackratings.dashboard.DashboardConfig;
import org.stackratings.security.ApiKeys;
import org.stackratings.security.KeyPrincipal;
import org.stackratings.security.KeyView;
import org.stackratings.security.SecurityConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Dashboard sessions (table {@code dashboard_session}): opened after {@link ApiKeys#authenticate} accepted a key,
 * resolved on every dashboard request, closed on logout. A token is 32 random bytes; only its SHA-256 is stored, so
 * the table alone opens no session. A session ends when idle for {@code session-idle-timeout}, after
 * {@code session-max-age}, when its key expires or is revoked, and (bootstrap admin key) when the configured key
 * changes. Logs name keys by id only.
 */
@ApplicationScoped
public class SessionStore {

    private static final Logger LOG = Logger.getLogger(SessionStore.class);
    /** A session's last-seen time is written at most this often (not on every request). */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ApiKeys keys;
    private final SecurityConfig security;
    private final DashboardConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SessionStore(ApiKeys keys, SecurityConfig security, DashboardConfig config, Clock clock) {
        this.keys = keys;
        this.security = security;
        this.config = config;
        this.clock = clock;
    }

    /** A new session's token (for the cookie; never in {@link #toString()}) and when it ends at the latest. */
    public record Opened(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Opened[token=***, expiresAt=" + expiresAt + "]";
        }
    }

    /** Opens a session for a key that {@link ApiKeys#authenticate} accepted; also deletes expired sessions. */
    @Transactional
    public Opened open(KeyPrincipal key, String presentedKey) {
        Instant now = clock.instant();
        purge(now);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        DashboardSession session = new DashboardSession();
        session.tokenSha256 = sha256Hex(token);
        session.keyId = key.keyId();
        session.keySha256 = sha256Hex(presentedKey);
        session.role = key.role();
        session.member = key.member();
        session.createdAt = now;
        session.lastSeenAt = now;
        Instant end = now.plus(config.sessionMaxAge());
        session.expiresAt = key.expiresAt() != null && key.expiresAt().isBefore(end) ? key.expiresAt() : end;
        session.persist();
        LOG.infof("Dashboard session opened for %s (%s%s)", key.name(), key.role(),
                key.member() == null ? "" : ", member " + key.member());
        return new Opened(token, session.expiresAt);
    }

    /** The key behind a session token while the session and its key are valid; ends the session otherwise. */
    @Transactional
    public Optional<KeyPrincipal> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            return Optional.empty();
        }
        DashboardSession session = DashboardSession.findById(sha256Hex(token));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String ended = endedReason(session, now);
        if (ended != null) {
            LOG.infof("Dashboard session of key %s ended: %s", session.keyId, ended);
            session.delete();
            return Optional.empty();
        }
        if (Duration.between(session.lastSeenAt, now).compareTo(TOUCH_INTERVAL) >= 0) {
            session.lastSeenAt = now;
        }
        return Optional.of(new KeyPrincipal(session.keyId, session.role, session.member, session.expiresAt));
    }

    /** Ends the session of the token (logout); nothing happens for an unknown token. */
    @Transactional
    public void close(String token) {
        if (token != null && !token.isEmpty()) {
            DashboardSession.deleteById(sha256Hex(token));
        }
    }

    private String endedReason(DashboardSession session, Instant now) {
        if (!now.isBefore(session.expiresAt)) {
            return "expired";
        }
        if (!now.isBefore(session.lastSeenAt.plus(config.sessionIdleTimeout()))) {
            return "idle for " + config.sessionIdleTimeout();
        }
        if (KeyPrincipal.BOOTSTRAP_ID.equals(session.keyId)) {
            boolean same = security.adminKey().filter(k -> !k.isBlank())
                    .map(k -> MessageDigest.isEqual(bytes(sha256Hex(k)), bytes(session.keySha256))).orElse(false);
            return same ? null : "the bootstrap admin key was changed or removed";
        }
        Optional<KeyView> key = keys.find(session.keyId);
        if (key.isEmpty() || key.get().status() != KeyView.Status.ACTIVE) {
            return "key " + key.map(k -> k.status().name().toLowerCase(java.util.Locale.ROOT)).orElse("deleted");
        }
        return null;
    }

    private void purge(Instant now) {
        DashboardSession.delete("expiresAt <= ?1 or lastSeenAt <= ?2", now, now.minus(config.sessionIdleTimeout()));
    }

    private static byte[] bytes(String hex) {
        return hex.getBytes(StandardCharsets.US_ASCII);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}

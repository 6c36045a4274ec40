package org.stackratings.sandbox.state;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.stackratings.sandbox.profile.AppCredentialSpec;
import org.stackratings.sandbox.profile.UserSpec;

/** The tokens one cloud has issued: issue, look up (unexpired only), revoke. */
public final class TokenStore {

    /** One issued token. {@code projectId} is null for an unscoped token; {@code appCredential} null for a password. */
    public record IssuedToken(String id, UserSpec user, String projectId, List<String> methods, Instant issuedAt,
            Instant expiresAt, String auditId, AppCredentialSpec appCredential) {

        public boolean validAt(Instant now) {
            return now.isBefore(expiresAt);
        }
    }

    private static final int PURGE_EVERY = 1024;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();

    public IssuedToken issue(UserSpec user, String projectId, List<String> methods, Instant now, Instant expiresAt,
            AppCredentialSpec appCredential) {
        if (issued.incrementAndGet() % PURGE_EVERY == 0) {
            tokens.values().removeIf(t -> !t.validAt(now));
        }
        IssuedToken token = new IssuedToken("gAAAAAB" + randomText(96), user, projectId, List.copyOf(methods), now,
                expiresAt, randomText(16), appCredential);
        tokens.put(token.id(), token);
        return token;
    }

    public Optional<IssuedToken> find(String id, Instant now) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(tokens.get(id)).filter(t -> t.validAt(now));
    }

    public boolean revoke(String id) {
        return id != null && tokens.remove(id) != null;
    }

    public int size() {
        return tokens.size();
    }

    private String randomText(int bytes) {
        byte[] b = new byte[bytes * 3 / 4];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

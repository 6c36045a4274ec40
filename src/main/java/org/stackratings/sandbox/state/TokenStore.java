package org.stackratings.sandbox.state;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.stackratings.sandbox.profile.UserSpec;
import org.stackratings.sandbox.state.identity.AccessRule;
import org.stackratings.sandbox.state.identity.ApplicationCredential;
import org.stackratings.sandbox.state.identity.Role;

/**
 * The tokens one cloud has issued: issue, look up (unexpired, or expired within a window as Keystone's
 * {@code allow_expired} does), revoke. Expired tokens are kept for {@link #ALLOW_EXPIRED_WINDOW}, then forgotten.
 */
public final class TokenStore {

    /** Keystone's default {@code [token] allow_expired_window}: 48 hours. */
    public static final Duration ALLOW_EXPIRED_WINDOW = Duration.ofHours(48);

    /**
     * One issued token. {@code projectId} is null for an unscoped token; {@code appCredential} null unless it was
     * issued for an application credential; {@code auditIds} its own audit id, then that of the token it rescoped.
     */
    public record IssuedToken(String id, UserSpec user, String projectId, List<String> methods, Instant issuedAt,
            Instant expiresAt, List<String> auditIds, List<Role> roles, ApplicationCredential appCredential) {

        public IssuedToken {
            methods = List.copyOf(methods);
            auditIds = List.copyOf(auditIds);
            roles = List.copyOf(roles);
        }

        public boolean validAt(Instant now) {
            return now.isBefore(expiresAt);
        }

        /** Its own audit id. */
        public String auditId() {
            return auditIds.get(0);
        }

        /**
         * Whether the token may make a request to a service ({@code serviceType}, path relative to the service's
         * endpoint): always, unless its application credential has access rules and none permits the request.
         */
        public boolean permits(String serviceType, String method, String path) {
            List<AccessRule> rules = appCredential == null ? List.of() : appCredential.accessRules();
            return rules.isEmpty() || rules.stream().anyMatch(r -> r.permits(serviceType, method, path));
        }
    }

    /** What a token is issued for: user, project (null: unscoped), methods, roles, application credential. */
    public record Grant(UserSpec user, String projectId, List<String> methods, List<Role> roles,
            ApplicationCredential appCredential) {
    }

    private static final int PURGE_EVERY = 1024;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();

    /** A new token for {@code grant}; {@code parentAuditId} is the audit id of the token it rescopes, or null. */
    public IssuedToken issue(Grant grant, Instant now, Instant expiresAt, String parentAuditId) {
        if (issued.incrementAndGet() % PURGE_EVERY == 0) {
            tokens.values().removeIf(t -> !t.validAt(now.minus(ALLOW_EXPIRED_WINDOW)));
        }
        String auditId = randomText(16);
        IssuedToken token = new IssuedToken("gAAAAAB" + randomText(96), grant.user(), grant.projectId(),
                grant.methods(), now, expiresAt, parentAuditId == null ? List.of(auditId)
                        : List.of(auditId, parentAuditId), grant.roles(), grant.appCredential());
        tokens.put(token.id(), token);
        return token;
    }

    /** The token {@code id} if it is valid at {@code now}. */
    public Optional<IssuedToken> find(String id, Instant now) {
        return find(id, now, Duration.ZERO);
    }

    /** The token {@code id} if it is valid at {@code now} or expired less than {@code window} ago. */
    public Optional<IssuedToken> find(String id, Instant now, Duration window) {
        if (id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(tokens.get(id)).filter(t -> t.validAt(now.minus(window)));
    }

    /** Revokes the token {@code id} and the tokens rescoped from it; false when there was no such token. */
    public boolean revoke(String id) {
        IssuedToken token = id == null ? null : tokens.remove(id);
        if (token == null) {
            return false;
        }
        tokens.values().removeIf(t -> t.auditIds().size() > 1 && t.auditIds().get(1).equals(token.auditId()));
        return true;
    }

    /** Revokes every token that matches (those of a deleted application credential, of a user...). */
    public void revokeIf(Predicate<IssuedToken> which) {
        tokens.values().removeIf(which);
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

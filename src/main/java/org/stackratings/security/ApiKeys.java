package org.stackratings.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.stackratings.web.PageRequest;
import org.stackratings.web.ProblemException;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issues, lists, revokes and checks API keys. {@link #authenticate} is the one place that decides whether a
 * presented key is valid: the HTTP mechanism uses it, and so can any other login (a dashboard form).
 * Logs name keys by id only, never by secret.
 */
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final KeyStore store;
    private final MemberDirectory members;
    private final Clock clock;
    private final KeyCache cache;
    private final Optional<byte[]> bootstrapDigest;
    private final SecureRandom random = new SecureRandom();

    @Inject
    ApiKeys(KeyStore store, MemberDirectory members, Clock clock, SecurityConfig config) {
        this.store = store;
        this.members = members;
        this.clock = clock;
        this.cache = new KeyCache(config.keyCacheTtl(), System::nanoTime);
        this.bootstrapDigest = config.adminKey().filter(k -> !k.isBlank()).map(KeyToken::sha256);
    }

    /**
     * The principal of a presented key: the bootstrap admin key from configuration, or an issued key that is
     * neither revoked nor expired. Empty for anything else. May read the database (blocking).
     */
    public Optional<KeyPrincipal> authenticate(String presented) {
        InMemoryCheck quick = checkInMemory(presented);
        if (quick.decided()) {
            return quick.principal();
        }
        KeyToken token = KeyToken.parse(presented).orElseThrow();
        String id = token.id();
        long stamp = cache.stamp();
        Optional<StoredKey> cached = cache.get(id);
        StoredKey key = cached.or(() -> store.load(id)).orElse(null);
        if (key == null) {
            LOG.debugf("Rejected API key %s: unknown id", id);
            return Optional.empty();
        }
        if (cached.isEmpty()) {
            cache.put(key, stamp);
        }
        Optional<KeyPrincipal> principal = check(token, key);
        if (principal.isPresent() && cached.isEmpty()) {
            store.touch(id, clock.instant());
        }
        return principal;
    }

    /**
     * What {@link #authenticate} decides without the database: the bootstrap key, a key that is not in the format of
     * issued keys, and a key whose row is cached. Undecided ({@link InMemoryCheck#decided()} false) when the key's
     * row must be read; callers on an event loop then move {@link #authenticate} to a worker thread.
     */
    public InMemoryCheck checkInMemory(String presented) {
        if (presented == null || presented.isEmpty()) {
            return InMemoryCheck.REJECTED;
        }
        if (bootstrapDigest.isPresent() && MessageDigest.isEqual(KeyToken.sha256(presented), bootstrapDigest.get())) {
            return new InMemoryCheck(true, Optional.of(new KeyPrincipal(KeyPrincipal.BOOTSTRAP_ID, Roles.ADMIN, null, null)));
        }
        Optional<KeyToken> token = KeyToken.parse(presented);
        if (token.isEmpty()) {
            return InMemoryCheck.REJECTED;
        }
        Optional<StoredKey> cached = cache.get(token.get().id());
        return cached.isEmpty() ? InMemoryCheck.UNDECIDED : new InMemoryCheck(true, check(token.get(), cached.get()));
    }

    /** The outcome of {@link #checkInMemory}: decided (the principal, or empty when refused), or not. */
    public record InMemoryCheck(boolean decided, Optional<KeyPrincipal> principal) {
        static final InMemoryCheck REJECTED = new InMemoryCheck(true, Optional.empty());
        static final InMemoryCheck UNDECIDED = new InMemoryCheck(false, Optional.empty());
    }

    /** The key's principal when the secret matches the stored hash and the key is neither revoked nor expired. */
    private Optional<KeyPrincipal> check(KeyToken token, StoredKey key) {
        if (!MessageDigest.isEqual(token.sha256(), key.sha256())) {
            LOG.debugf("Rejected API key %s: wrong secret", token.id());
            return Optional.empty();
        }
        String invalid = key.invalidReason(clock.instant());
        if (invalid != null) {
            LOG.debugf("Rejected API key %s: %s", token.id(), invalid);
            return Optional.empty();
        }
        return Optional.of(new KeyPrincipal(token.id(), key.role(), key.member(), key.expiresAt()));
    }

    /** Issues a key; the answer is the only place its secret ever appears. */
    public IssuedKeyView issue(KeyRequest request, String issuedBy) {
        Instant now = clock.instant();
        validate(request, now);
        KeyToken token = KeyToken.generate(random);
        ApiKey key = new ApiKey();
        key.id = token.id();
        key.secretSha256 = KeyToken.hex(token.sha256());
        key.role = request.role();
        key.memberSlug = request.member();
        key.label = request.label() == null || request.label().isBlank() ? null : request.label().trim();
        key.createdBy = issuedBy;
        key.createdAt = now;
        key.expiresAt = request.expiresAt();
        store.insert(key);
        LOG.infof("Issued %s API key %s%s for %s", key.role, key.id,
                key.memberSlug == null ? "" : " (member " + key.memberSlug + ")", issuedBy);
        return new IssuedKeyView(token.value(), key.id, key.role, key.memberSlug, key.label, key.createdAt, key.expiresAt);
    }

    public Optional<KeyView> find(String id) {
        return store.find(id, clock.instant());
    }

    public List<KeyView> list(String member, PageRequest page) {
        return store.list(member, page, clock.instant());
    }

    public long count(String member) {
        return store.count(member);
    }

    /** Revokes a key: refused from now on, on this node at once (its cache entry is dropped after the commit). */
    public KeyView revoke(String id, String revokedBy) {
        KeyView revoked = store.revoke(id, clock.instant());
        cache.invalidate(id);
        LOG.infof("Revoked API key %s for %s", id, revokedBy);
        return revoked;
    }

    /** Issued admin keys that are neither revoked nor expired. */
    public long activeAdminKeys() {
        return store.activeAdminKeys(clock.instant());
    }

    public boolean bootstrapKeyConfigured() {
        return bootstrapDigest.isPresent();
    }

    private void validate(KeyRequest request, Instant now) {
        boolean provider = Roles.PROVIDER.equals(request.role());
        if (provider && request.member() == null) {
            throw ProblemException.badRequest("a provider key needs 'member': the slug of the member it may read");
        }
        if (!provider && request.member() != null) {
            throw ProblemException.badRequest("only provider keys have a member; a " + request.role()
                    + " key must not name one");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw ProblemException.badRequest("expiresAt must be in the future, got " + request.expiresAt());
        }
        if (provider) {
            switch (members.standing(request.member())) {
                case UNKNOWN -> throw ProblemException.notFound("member", request.member());
                case WITHDRAWN -> throw ProblemException.conflict("member '" + request.member()
                        + "' was withdrawn; no new keys are issued for it");
                case ACTIVE -> { }
            }
        }
    }
}

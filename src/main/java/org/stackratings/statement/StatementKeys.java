package org.stackratings.statement;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.stackratings.web.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys that sign rating statements and the JWK set that publishes them. A key from configuration signs when one
 * is given; otherwise the stored keys do: created on first start, read back by every instance (so all sign with the
 * same key) and re-read every {@code key-refresh}. Of the stored keys, the newest that is at least twice
 * {@code key-refresh} old signs (the oldest when none is that old yet, as on first start), so a rotated key is
 * published everywhere before it signs.
 */
@ApplicationScoped
public class StatementKeys {

    private static final Logger LOG = Logger.getLogger(StatementKeys.class);

    private record Snapshot(List<StoredKey> keys, Instant loadedAt) {
    }

    private final StatementKeyStore store;
    private final StatementConfig config;
    private final Clock clock;
    private final Optional<ECKey> configured;
    private final JWKSet additional;
    private volatile Snapshot snapshot;

    public StatementKeys(StatementKeyStore store, StatementConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.configured = config.signingKey().filter(s -> !s.isBlank()).map(ConfiguredKeys::signingKey);
        this.additional = config.additionalPublicKeys().filter(s -> !s.isBlank()).map(ConfiguredKeys::additionalKeys)
                .orElseGet(JWKSet::new);
    }

    void start(@Observes StartupEvent event) {
        if (configured.isEmpty() && store.ensureKey(clock.instant())) {
            LOG.info("Generated the first rating statement signing key");
        }
        // reads and decrypts every stored key now: one that cannot be read stops the start, not a later request
        List<StoredKey> stored = reload().keys();
        if (configured.isPresent()) {
            LOG.infof("Rating statements are signed with the configured key %s", configured.get().getKeyID());
        } else {
            StoredKey signing = signing(stored, clock.instant());
            LOG.infof("Rating statements are signed with stored key %s (generation %d)", signing.kid(), signing.generation());
        }
    }

    /** The private key that signs a statement issued at {@code now}. */
    public ECKey signingKey(Instant now) {
        if (configured.isPresent()) {
            return configured.get();
        }
        StoredKey key = signing(snapshot().keys(), now);
        if (key == null) {
            throw new IllegalStateException("no rating statement signing key is stored (all were retired)");
        }
        return key.key();
    }

    /** Every key that is not retired, public halves only. */
    public JWKSet publicKeys() {
        Map<String, JWK> keys = new LinkedHashMap<>();
        configured.ifPresent(k -> keys.put(k.getKeyID(), k.toPublicJWK()));
        snapshot().keys().stream().sorted(Comparator.comparingInt(StoredKey::generation).reversed())
                .forEach(k -> keys.putIfAbsent(k.kid(), k.key().toPublicJWK()));
        additional.getKeys().forEach(k -> keys.putIfAbsent(k.getKeyID(), k.toPublicJWK()));
        return new JWKSet(new ArrayList<>(keys.values()));
    }

    /** How long the JWK set may be cached. */
    public Duration cacheFor() {
        return config.keyRefresh();
    }

    public List<StatementKeyView> list() {
        Instant now = clock.instant();
        List<StoredKey> active = reload().keys();
        StoredKey signing = configured.isPresent() ? null : signing(active, now);
        List<StatementKeyView> views = new ArrayList<>();
        configured.ifPresent(k -> views.add(new StatementKeyView(k.getKeyID(), StatementKeyView.Source.CONFIGURED, null,
                "ES256", StatementKeyView.Status.SIGNING, null, null, null, k.toPublicJWK().toJSONObject())));
        for (StatementKey k : store.all()) {
            StatementKeyView.Status status = k.retiredAt != null ? StatementKeyView.Status.RETIRED
                    : signing != null && signing.kid().equals(k.kid) ? StatementKeyView.Status.SIGNING
                    : signing != null && k.generation > signing.generation() ? StatementKeyView.Status.PENDING
                    : StatementKeyView.Status.PUBLISHED;
            Instant signsFrom = status == StatementKeyView.Status.PENDING ? k.createdAt.plus(activation()) : null;
            views.add(new StatementKeyView(k.kid, StatementKeyView.Source.GENERATED, k.generation, k.algorithm, status,
                    k.createdAt, signsFrom, k.retiredAt, parse(k.publicJwk)));
        }
        return views;
    }

    /**
     * Generates the next key. It is published at once and signs from {@code signsFrom}; two rotations that race
     * create one key. Refused when the signing key comes from configuration.
     */
    public StatementKeyView rotate() {
        if (configured.isPresent()) {
            throw ProblemException.conflict("statements are signed with the key from stackratings.statement.signing-key;"
                    + " rotate it in the configuration");
        }
        int next = store.maxGeneration() + 1;
        store.insertIfAbsent(next, clock.instant());
        reload();
        return list().stream().filter(v -> Integer.valueOf(next).equals(v.generation())).findFirst()
                .orElseThrow(() -> new IllegalStateException("generation " + next + " was not stored"));
    }

    /**
     * Stops publishing a stored key. Refused for the key that signs now and for one whose statements may still be
     * valid (until {@code validity} plus {@code key-refresh} after its successor started to sign).
     */
    public void retire(String kid) {
        StatementKey key = store.find(kid).orElseThrow(() -> ProblemException.notFound("statement key", kid));
        if (key.retiredAt != null) {
            return;
        }
        Instant now = clock.instant();
        StoredKey signing = configured.isPresent() ? null : signing(reload().keys(), now);
        if (signing != null && signing.kid().equals(kid)) {
            throw ProblemException.conflict("key " + kid + " signs statements now; rotate first (POST /api/v1/statement-keys)");
        }
        if (signing != null && key.generation < signing.generation()) {
            Instant safe = signing.createdAt().plus(activation()).plus(config.keyRefresh()).plus(config.validity());
            if (now.isBefore(safe)) {
                throw ProblemException.conflict("statements signed with key " + kid + " may be valid until " + safe
                        + "; retire it after that");
            }
        }
        store.retire(kid, now);
        reload();
    }

    /** The newest key that is at least {@link #activation()} old, else the oldest; null when there is none. */
    private StoredKey signing(List<StoredKey> active, Instant now) {
        StoredKey chosen = null;
        for (StoredKey key : active) {
            if (chosen == null || !key.createdAt().plus(activation()).isAfter(now)) {
                chosen = key;
            }
        }
        return chosen;
    }

    /** How old a stored key must be to sign: every instance and every cached JWK set has it by then. */
    private Duration activation() {
        return config.keyRefresh().multipliedBy(2);
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null || !clock.instant().isBefore(current.loadedAt().plus(config.keyRefresh()))) {
            synchronized (this) {
                current = snapshot;
                if (current == null || !clock.instant().isBefore(current.loadedAt().plus(config.keyRefresh()))) {
                    current = reload();
                }
            }
        }
        return current;
    }

    private Snapshot reload() {
        Snapshot fresh = new Snapshot(store.active(), clock.instant());
        snapshot = fresh;
        return fresh;
    }

    private static Map<String, Object> parse(String publicJwk) {
        try {
            return JWK.parse(publicJwk).toJSONObject();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("a stored public key is not a JWK", e);
        }
    }
}

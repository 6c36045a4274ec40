package org.stackratings.sandbox.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The keypairs of a cloud, per user, as Nova keeps them: a name is unique for its user. */
public final class KeypairStore {

    /** One keypair; {@code type} is {@code ssh} or {@code x509}. */
    public record Keypair(long id, String userId, String name, String type, String publicKey, String fingerprint,
            Instant createdAt) {
    }

    private final Map<String, Map<String, Keypair>> byUser = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** Adds a keypair; empty when the user already has one of that name or holds {@code quota} of them. */
    public synchronized Optional<Keypair> add(String userId, String name, String type, String publicKey,
            String fingerprint, Instant now, int quota) {
        Map<String, Keypair> own = byUser.computeIfAbsent(userId, u -> new LinkedHashMap<>());
        if (own.containsKey(name) || own.size() >= quota) {
            return Optional.empty();
        }
        Keypair keypair = new Keypair(ids.incrementAndGet(), userId, name, type, publicKey, fingerprint, now);
        own.put(name, keypair);
        return Optional.of(keypair);
    }

    public synchronized boolean has(String userId, String name) {
        return byUser.getOrDefault(userId, Map.of()).containsKey(name);
    }

    public synchronized int count(String userId) {
        return byUser.getOrDefault(userId, Map.of()).size();
    }

    public synchronized Optional<Keypair> get(String userId, String name) {
        return Optional.ofNullable(byUser.getOrDefault(userId, Map.of()).get(name));
    }

    /** The user's keypairs, oldest first. */
    public synchronized List<Keypair> list(String userId) {
        return new ArrayList<>(byUser.getOrDefault(userId, Map.of()).values());
    }

    public synchronized boolean remove(String userId, String name) {
        Map<String, Keypair> own = byUser.get(userId);
        return own != null && own.remove(name) != null;
    }
}

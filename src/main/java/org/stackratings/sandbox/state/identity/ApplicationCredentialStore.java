package org.stackratings.sandbox.state.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.stackratings.sandbox.profile.CloudProfile;

/**
 * The application credentials of a cloud's users and their access rules. A name is unique per user; an access rule
 * is kept per user for each (service, method, path) and shared by the credentials that name it, and outlives them
 * until it is deleted, which it may not be while a credential holds it.
 */
public final class ApplicationCredentialStore {

    /** What deleting an access rule did. */
    public enum RuleDeletion { DELETED, NOT_FOUND, IN_USE }

    /** An application credential to create: the rules without ids are new or match one the user has. */
    public record Draft(String id, String name, String description, String userId, String projectId, String secret,
            Instant expiresAt, boolean unrestricted, List<Role> roles, List<AccessRule> accessRules) {
    }

    private final Map<String, ApplicationCredential> byId = new LinkedHashMap<>();
    private final Map<String, AccessRule> rules = new LinkedHashMap<>();

    /** A store holding the application credentials of {@code profile}, bound to its project with a member's roles. */
    public static ApplicationCredentialStore seeded(CloudProfile profile) {
        ApplicationCredentialStore store = new ApplicationCredentialStore();
        store.seed(profile);
        return store;
    }

    /** Adds the profile's application credentials that the store does not hold yet (by id). */
    public synchronized void seed(CloudProfile profile) {
        profile.applicationCredentials().forEach(spec -> profile.users().stream()
                .filter(u -> u.name().equals(spec.user())).findFirst()
                .filter(owner -> !byId.containsKey(spec.id()))
                .ifPresent(owner -> byId.put(spec.id(), new ApplicationCredential(spec.id(), spec.name(), null,
                        owner.id(), profile.project().id(), SecretHash.of(spec.secret()), null, false,
                        Role.OF_A_MEMBER, List.of()))));
    }

    /** Creates a credential; empty when its user already has one of that name. */
    public synchronized Optional<ApplicationCredential> create(Draft draft) {
        if (byName(draft.userId(), draft.name()).isPresent()) {
            return Optional.empty();
        }
        List<AccessRule> held = new ArrayList<>();
        for (AccessRule asked : draft.accessRules()) {
            AccessRule rule = rules.values().stream().filter(r -> r.userId().equals(draft.userId())
                    && r.service().equals(asked.service()) && r.method().equals(asked.method())
                    && r.path().equals(asked.path())).findFirst()
                    .orElseGet(() -> new AccessRule(asked.id() != null ? asked.id() : hexId(), draft.userId(),
                            asked.service(), asked.method(), asked.path()));
            rules.put(rule.id(), rule);
            held.add(rule);
        }
        ApplicationCredential created = new ApplicationCredential(draft.id() == null ? hexId() : draft.id(),
                draft.name(), draft.description(), draft.userId(), draft.projectId(), SecretHash.of(draft.secret()),
                draft.expiresAt(), draft.unrestricted(), draft.roles(), held);
        byId.put(created.id(), created);
        return Optional.of(created);
    }

    public synchronized Optional<ApplicationCredential> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized Optional<ApplicationCredential> byName(String userId, String name) {
        return byId.values().stream().filter(c -> c.userId().equals(userId) && c.name().equals(name)).findFirst();
    }

    /** The user's credentials, oldest first; {@code name} null: all of them. */
    public synchronized List<ApplicationCredential> list(String userId, String name) {
        return byId.values().stream()
                .filter(c -> c.userId().equals(userId) && (name == null || c.name().equals(name))).toList();
    }

    /** The credential {@code id} if {@code secret} is its secret and it has not expired at {@code now}. */
    public synchronized Optional<ApplicationCredential> authenticate(String id, Object secret, Instant now) {
        return find(id).filter(c -> c.secret().matches(secret) && !c.expiredAt(now));
    }

    public synchronized boolean delete(String id) {
        return byId.remove(id) != null;
    }

    /** The user's access rules, oldest first. */
    public synchronized List<AccessRule> accessRules(String userId) {
        return rules.values().stream().filter(r -> r.userId().equals(userId)).toList();
    }

    public synchronized Optional<AccessRule> accessRule(String userId, String id) {
        return Optional.ofNullable(rules.get(id)).filter(r -> r.userId().equals(userId));
    }

    public synchronized RuleDeletion deleteAccessRule(String userId, String id) {
        if (accessRule(userId, id).isEmpty()) {
            return RuleDeletion.NOT_FOUND;
        }
        if (byId.values().stream().anyMatch(c -> c.accessRules().stream().anyMatch(r -> r.id().equals(id)))) {
            return RuleDeletion.IN_USE;
        }
        rules.remove(id);
        return RuleDeletion.DELETED;
    }

    private static String hexId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}

package org.stackratings.security;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.stackratings.web.PageRequest;
import org.stackratings.web.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code api_key} table: one transaction per method. */
@ApplicationScoped
class KeyStore {

    @Transactional
    void insert(ApiKey key) {
        key.persist();
    }

    @Transactional
    Optional<StoredKey> load(String id) {
        return ApiKey.<ApiKey>findByIdOptional(id).map(ApiKey::stored);
    }

    /** Records a use; called at most once per key and cache period, so it costs one update per key, not per request. */
    @Transactional
    void touch(String id, Instant now) {
        ApiKey.update("lastUsedAt = ?1 where id = ?2", now, id);
    }

    @Transactional
    Optional<KeyView> find(String id, Instant now) {
        return ApiKey.<ApiKey>findByIdOptional(id).map(k -> KeyView.of(k, now));
    }

    @Transactional
    List<KeyView> list(String member, PageRequest page, Instant now) {
        Sort sort = Sort.descending("createdAt").and("id");
        var query = member == null ? ApiKey.<ApiKey>findAll(sort) : ApiKey.<ApiKey>find("memberSlug", sort, member);
        return query.page(page.page(), page.size()).<ApiKey>list().stream().map(k -> KeyView.of(k, now)).toList();
    }

    @Transactional
    long count(String member) {
        return member == null ? ApiKey.count() : ApiKey.count("memberSlug", member);
    }

    @Transactional
    long activeAdminKeys(Instant now) {
        return ApiKey.count("role = :role and revokedAt is null and (expiresAt is null or expiresAt > :now)",
                Parameters.with("role", Roles.ADMIN).and("now", now));
    }

    /** Marks the key revoked (the row stays for audit). */
    @Transactional
    KeyView revoke(String id, Instant now) {
        ApiKey key = ApiKey.<ApiKey>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("API key", id));
        if (key.revokedAt != null) {
            throw ProblemException.conflict("API key '" + id + "' was revoked on " + key.revokedAt);
        }
        key.revokedAt = now;
        return KeyView.of(key, now);
    }
}

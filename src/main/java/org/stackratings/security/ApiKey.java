package org.stackratings.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An issued API key: only the SHA-256 of the key is stored. Never serialized: see {@link KeyView}. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "secret_sha256")
    public String secretSha256;
    @Column(name = "role_name")
    public String role;
    @Column(name = "member_slug")
    public String memberSlug;
    public String label;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    StoredKey stored() {
        return new StoredKey(id, KeyToken.unhex(secretSha256), role, memberSlug, expiresAt, revokedAt);
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + "]";
    }
}

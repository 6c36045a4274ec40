package org.stackratings.dashboard.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A logged-in browser: the SHA-256 of its session token and the key it logged in with. Never serialised. */
@Entity
@Table(name = "dashboard_session")
public class DashboardSession extends PanacheEntityBase {

    @Id
    @Column(name = "token_sha256")
    public String tokenSha256;
    @Column(name = "key_id")
    public String keyId;
    @Column(name = "key_sha256")
    public String keySha256;
    @Column(name = "role_name")
    public String role;
    @Column(name = "member_slug")
    public String member;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Override
    public String toString() {
        return "DashboardSession[key " + keyId + "]";
    }
}

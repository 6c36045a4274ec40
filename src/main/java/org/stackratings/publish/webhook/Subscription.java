package org.stackratings.publish.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A webhook subscription: where to send every rating action after {@code startPosition}, and the signing secret. */
@Entity
@Table(name = "webhook_subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The principal name of the API key that created it. */
    public String owner;
    @Column(name = "target_url")
    public String targetUrl;
    public String description;
    /** AES-256-GCM, bound to the subscription id ({@code CredentialCipher}); HMAC signing needs the plain secret. */
    @Column(name = "secret_encrypted")
    public String secretEncrypted;
    @Column(name = "start_position")
    public long startPosition;
    @Column(name = "created_at")
    public Instant createdAt;
}

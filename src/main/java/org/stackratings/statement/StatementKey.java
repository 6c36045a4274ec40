package org.stackratings.statement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A generated statement signing key; the private half is sealed with the credential key. */
@Entity
@Table(name = "statement_key")
public class StatementKey extends PanacheEntityBase {

    @Id
    public String kid;
    public int generation;
    public String algorithm;
    @Column(name = "public_jwk")
    public String publicJwk;
    @Column(name = "private_jwk")
    public String privateJwk;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "retired_at")
    public Instant retiredAt;
}

package org.stackratings.statement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.stackratings.security.CredentialCipher;
import org.stackratings.security.CredentialDecryptionException;

import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The generated signing keys in table {@code statement_key}. Keys are numbered by {@code generation} (unique):
 * a new key is inserted as the next generation with {@code on conflict do nothing}, so instances that start or
 * rotate at the same time create one key between them and all read it back.
 */
@ApplicationScoped
@Transactional
public class StatementKeyStore {

    private static final String INSERT = "insert into statement_key (kid, generation, algorithm, public_jwk, private_jwk,"
            + " created_at, retired_at) values (?1, ?2, ?3, ?4, ?5, ?6, null) on conflict do nothing";

    private final EntityManager em;
    private final CredentialCipher cipher;

    public StatementKeyStore(EntityManager em, CredentialCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    /** Makes sure a key that is not retired exists (first start); returns whether this call created it. */
    public boolean ensureKey(Instant now) {
        if (StatementKey.count("retiredAt is null") > 0) {
            return false;
        }
        return insertIfAbsent(maxGeneration() + 1, now);
    }

    /**
     * Generates a key as {@code generation} unless a key of that generation exists already (another instance got
     * there first); returns whether this call inserted it.
     */
    public boolean insertIfAbsent(int generation, Instant now) {
        ECKey key = generate();
        return em.createNativeQuery(INSERT)
                .setParameter(1, key.getKeyID())
                .setParameter(2, generation)
                .setParameter(3, JWSAlgorithm.ES256.getName())
                .setParameter(4, key.toPublicJWK().toJSONString())
                .setParameter(5, cipher.encrypt(key.toJSONString(), owner(key.getKeyID())))
                .setParameter(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate() == 1;
    }

    public int maxGeneration() {
        Integer max = em.createQuery("select max(k.generation) from StatementKey k", Integer.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** Keys that are not retired, oldest first, with their private halves. */
    public List<StoredKey> active() {
        return StatementKey.<StatementKey>list("retiredAt is null", Sort.by("generation")).stream()
                .map(k -> new StoredKey(k.kid, k.generation, privateKey(k), k.createdAt)).toList();
    }

    /** Every generated key, retired ones included, newest first. */
    public List<StatementKey> all() {
        return StatementKey.listAll(Sort.descending("generation"));
    }

    public Optional<StatementKey> find(String kid) {
        return StatementKey.findByIdOptional(kid);
    }

    public void retire(String kid, Instant now) {
        StatementKey.update("retiredAt = ?1 where kid = ?2 and retiredAt is null", now, kid);
    }

    private ECKey privateKey(StatementKey stored) {
        try {
            return ECKey.parse(cipher.decrypt(stored.privateJwk, owner(stored.kid)));
        } catch (CredentialDecryptionException e) {
            throw new IllegalStateException("the statement signing key " + stored.kid + " cannot be opened with the"
                    + " configured credential key (a restore needs the key the database was written with): "
                    + e.getMessage(), e);
        } catch (ParseException e) {
            throw new IllegalStateException("stored statement key " + stored.kid + " is not a JWK", e);
        }
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    /** The associated data of a sealed private key: a row copied under another kid does not decrypt. */
    static String owner(String kid) {
        return "statement-key:" + kid;
    }
}

package org.stackratings.statement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs rating statements as compact JWS (ES256, header {@code typ: rating-statement+jwt} and {@code kid}); the
 * claims are listed in docs/exchanges.md. Also signs certification statements ({@code certification-statement+jwt},
 * {@link #signCertification}, docs/certification.md) from plain claims, with the same keys. A statement is handed out again, unchanged, for the same claims while it is
 * younger than {@code stackratings.statement.reuse} and its key still signs (one entry per member, so the memory
 * is bounded by the number of members).
 */
@ApplicationScoped
public class StatementSigner {

    /** The {@code typ} header of every rating statement. */
    public static final String TYPE = "rating-statement+jwt";
    /** The {@code typ} header of every certification statement. */
    public static final String CERTIFICATION_TYPE = "certification-statement+jwt";

    private final StatementKeys keys;
    private final StatementConfig config;
    private final Clock clock;
    private final Map<String, Reusable> recent = new ConcurrentHashMap<>();
    private final Map<String, ReusableCertification> certifications = new ConcurrentHashMap<>();

    public StatementSigner(StatementKeys keys, StatementConfig config, Clock clock) {
        if (config.reuse().compareTo(config.validity()) >= 0) {
            throw new IllegalArgumentException("stackratings.statement.reuse (" + config.reuse()
                    + ") must be shorter than stackratings.statement.validity (" + config.validity() + ")");
        }
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    /** A statement signed before, with the claims it states. */
    private record Reusable(RatingStatement statement, SignedStatement signed) {
    }

    /** A certification statement signed before, with the claims it states. */
    private record ReusableCertification(CertificationClaims claims, SignedStatement signed) {
    }

    /**
     * Signs a certification statement (header {@code typ: certification-statement+jwt}): issued when the passing run
     * ended, expiring with the certificate. Its claims change only when the certificate does, so the statement signed
     * for the same claims with the same key is handed out again (one entry per member, guideline and target).
     */
    public SignedStatement signCertification(CertificationClaims claims) {
        ECKey key = keys.signingKey(clock.instant());
        String id = claims.member() + "\n" + claims.guideline() + "\n" + claims.target();
        ReusableCertification before = certifications.get(id);
        if (before != null && before.claims().equals(claims) && before.signed().kid().equals(key.getKeyID())) {
            return before.signed();
        }
        Instant issued = claims.issuedAt().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = claims.expiresAt().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet set = new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .subject(claims.member())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .claim("member", claims.member())
                .claim("guideline", claims.guideline())
                .claim("platform", claims.platform())
                .claim("target", claims.target())
                .claim("capabilities", claims.capabilities())
                .claim("evidenceDigest", claims.evidence())
                .claim("status", claims.status())
                .claim("failing", claims.failing())
                .build();
        SignedStatement signed = signed(set, CERTIFICATION_TYPE, key, issued, expires);
        certifications.put(id, new ReusableCertification(claims, signed));
        return signed;
    }

    public SignedStatement sign(RatingStatement statement) {
        return sign(statement, clock.instant());
    }

    /**
     * Signs as of {@code now}: issued then, valid for {@code stackratings.statement.validity}; or the statement signed
     * for the same claims with the same key less than {@code stackratings.statement.reuse} before.
     */
    public SignedStatement sign(RatingStatement statement, Instant now) {
        ECKey key = keys.signingKey(now);
        Reusable before = recent.get(statement.member());
        if (before != null && before.statement().equals(statement) && before.signed().kid().equals(key.getKeyID())
                && !now.isBefore(before.signed().issuedAt()) && now.isBefore(before.signed().issuedAt().plus(config.reuse()))) {
            return before.signed();
        }
        SignedStatement signed = signNew(statement, now, key);
        recent.put(statement.member(), new Reusable(statement, signed));
        return signed;
    }

    private SignedStatement signNew(RatingStatement statement, Instant now, ECKey key) {
        Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expires = issued.plus(config.validity());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .subject(statement.member())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .claim("rating", statement.rating())
                .claim("outlook", statement.outlook())
                .claim("watch", statement.watch())
                .claim("methodologyVersion", statement.methodologyVersion())
                .claim("effectiveSince", text(statement.effectiveSince()))
                .claim("ratedAt", text(statement.ratedAt()))
                .serializeNullClaims(true)
                .build();
        return signed(claims, TYPE, key, issued, expires);
    }

    private static SignedStatement signed(JWTClaimsSet claims, String type, ECKey key, Instant issued, Instant expires) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(type))
                .keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a " + type + " with key " + key.getKeyID(), e);
        }
        return new SignedStatement(jwt.serialize(), key.getKeyID(), issued, expires);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

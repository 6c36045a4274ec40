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
import java.util.UUID;

/**
 * Signs rating statements as compact JWS (ES256, header {@code typ: rating-statement+jwt} and {@code kid}); the
 * claims are listed in docs/exchanges.md.
 */
@ApplicationScoped
public class StatementSigner {

    /** The {@code typ} header of every statement. */
    public static final String TYPE = "rating-statement+jwt";

    private final StatementKeys keys;
    private final StatementConfig config;
    private final Clock clock;

    public StatementSigner(StatementKeys keys, StatementConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    public SignedStatement sign(RatingStatement statement) {
        return sign(statement, clock.instant());
    }

    /** Signs as of {@code now}: issued then, valid for {@code stackratings.statement.validity}. */
    public SignedStatement sign(RatingStatement statement, Instant now) {
        Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expires = issued.plus(config.validity());
        ECKey key = keys.signingKey(now);
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
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(TYPE))
                .keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a rating statement with key " + key.getKeyID(), e);
        }
        return new SignedStatement(jwt.serialize(), key.getKeyID(), issued, expires);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

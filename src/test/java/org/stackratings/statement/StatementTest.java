package org.stackratings.statement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.stackratings.gate.RatedMembers;
import org.stackratings.rating.Notch;
import org.stackratings.rating.Outlook;
import org.stackratings.rating.Watch;
import org.stackratings.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.stackratings.ApiTestSupport.admin;

@QuarkusTest
class StatementTest {

    @Inject
    ObjectMapper json;
    @Inject
    StatementKeys keys;
    @Inject
    StatementKeyStore store;
    @Inject
    StatementSigner signer;
    @Inject
    StatementConfig config;

    @Test
    void theSameClaimsGetTheSameStatementForTheReusePeriodOnly() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String slug = "reuse-" + java.util.UUID.randomUUID();
        RatingStatement statement = new RatingStatement(slug, "A2", "STABLE", null, "v", now.minus(Duration.ofDays(1)),
                now.minusSeconds(30));
        SignedStatement first = signer.sign(statement, now);
        assertThat(signer.sign(statement, now.plus(config.reuse()).minusSeconds(1))).isEqualTo(first);
        assertThat(signer.sign(statement, now.plus(config.reuse())).jws()).as("too old to hand out again")
                .isNotEqualTo(first.jws());
        RatingStatement confirmedAgain = new RatingStatement(slug, "A2", "STABLE", null, "v", now.minus(Duration.ofDays(1)),
                now);
        SignedStatement second = signer.sign(confirmedAgain, now.plus(config.reuse()).plusSeconds(1));
        assertThat(second.jws()).as("other claims").isNotEqualTo(first.jws());
        assertThat(signer.sign(confirmedAgain, now).jws()).as("a clock that went back gets a new statement")
                .isNotEqualTo(second.jws());
    }

    @Test
    void aStatementVerifiesWithThePublishedKeysInTwoJoseLibraries() throws Exception {
        Instant ratedAt = Instant.now().minusSeconds(90).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant effective = ratedAt.minus(Duration.ofDays(3));
        String slug = RatedMembers.onboard("stmt");
        RatedMembers.rate(json, slug, Notch.A2, Watch.REVIEW_DOWNGRADE, Outlook.NEGATIVE, effective, ratedAt);
        JsonPath gate = admin().get("/api/v1/gate/" + slug).then().statusCode(200).extract().jsonPath();
        String jws = gate.getString("statement.jws");
        String jwks = publishedKeys();

        JWTClaimsSet claims = verify(jws, jwks);
        assertThat(claims.getIssuer()).isEqualTo("stackratings");
        assertThat(claims.getSubject()).isEqualTo(slug);
        assertThat(claims.getStringClaim("rating")).isEqualTo("A2");
        assertThat(claims.getStringClaim("outlook")).isEqualTo("NEGATIVE");
        assertThat(claims.getStringClaim("watch")).isEqualTo("REVIEW_DOWNGRADE");
        assertThat(claims.getStringClaim("methodologyVersion")).isEqualTo(RatedMembers.METHODOLOGY);
        assertThat(Instant.parse(claims.getStringClaim("effectiveSince"))).isEqualTo(effective);
        assertThat(Instant.parse(claims.getStringClaim("ratedAt"))).isEqualTo(ratedAt);
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(1));
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(Instant.parse(gate.getString("statement.expiresAt")));

        JwtClaims other = jose4j(jws, jwks);
        assertThat(other.getSubject()).isEqualTo(slug);
        assertThat(other.getStringClaimValue("rating")).isEqualTo("A2");
        assertThat(other.getClaimValue("watch")).isEqualTo("REVIEW_DOWNGRADE");

        String unwatched = RatedMembers.onboard("stmt");
        RatedMembers.rate(json, unwatched, Notch.AAA, null, Outlook.STABLE, effective, ratedAt);
        String plain = admin().get("/api/v1/gate/" + unwatched).then().statusCode(200).extract().path("statement.jws");
        JWTClaimsSet plainClaims = verify(plain, jwks);
        assertThat(plainClaims.getClaims()).containsEntry("watch", null);
        assertThat(new String(Base64.getUrlDecoder().decode(plain.split("\\.")[0]), StandardCharsets.UTF_8))
                .contains("\"typ\":\"rating-statement+jwt\"").contains("\"alg\":\"ES256\"")
                .contains("\"kid\":\"" + keys.signingKey(Instant.now()).getKeyID() + "\"");
    }

    @Test
    void aTamperedStatementFailsVerification() throws Exception {
        String slug = RatedMembers.onboard("stmt");
        RatedMembers.rate(json, slug, Notch.BA1, null, Outlook.STABLE, Instant.now(), Instant.now());
        String jws = admin().get("/api/v1/gate/" + slug).then().statusCode(200).extract().path("statement.jws");
        String jwks = publishedKeys();
        verify(jws, jwks);

        String[] parts = jws.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"rating\":\"Ba1\"");
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"rating\":\"Ba1\"", "\"rating\":\"Aaa\"").getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + forged + "." + parts[2];

        assertThatThrownBy(() -> verify(tampered, jwks)).isInstanceOf(BadJOSEException.class).hasMessageContaining("signature");
        assertThatThrownBy(() -> jose4j(tampered, jwks)).isInstanceOf(InvalidJwtException.class);
        String otherSignature = signer.sign(new RatingStatement(slug, "Aaa", "STABLE", null, "x", Instant.now(), Instant.now()))
                .jws().split("\\.")[2];
        assertThatThrownBy(() -> verify(parts[0] + "." + parts[1] + "." + otherSignature, jwks)).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void anExpiredStatementIsDetectablyExpired() throws Exception {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        SignedStatement old = signer.sign(new RatingStatement("old-member", "A1", "STABLE", null, "v", twoHoursAgo, twoHoursAgo),
                twoHoursAgo);
        assertThat(old.expiresAt()).isBefore(Instant.now());
        String jwks = publishedKeys();
        assertThatThrownBy(() -> verify(old.jws(), jwks)).isInstanceOf(BadJWTException.class).hasMessageContaining("Expired");
        assertThatThrownBy(() -> jose4j(old.jws(), jwks)).isInstanceOf(InvalidJwtException.class)
                .satisfies(e -> assertThat(((InvalidJwtException) e).hasExpired()).isTrue());
    }

    @Test
    void theJwkSetIsPublicCacheableAndHoldsNoPrivateKey() {
        RestAssured.get("/.well-known/jwks.json").then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "public, max-age=300")
                .body("keys[0].kty", equalTo("EC"))
                .body("keys[0].crv", equalTo("P-256"))
                .body("keys[0].alg", equalTo("ES256"))
                .body("keys[0].use", equalTo("sig"));
        List<Map<String, Object>> published = RestAssured.get("/.well-known/jwks.json").jsonPath().getList("keys");
        assertThat(published).allSatisfy(k -> assertThat(k).doesNotContainKey("d"));
        assertThat(published).extracting(k -> k.get("kid")).contains(keys.signingKey(Instant.now()).getKeyID());
    }

    @Test
    void theStoredKeyIsSealedAndEveryInstanceReadsTheSameOne() throws Exception {
        String kid = keys.signingKey(Instant.now()).getKeyID();
        String privatePart = keys.signingKey(Instant.now()).getD().toString();
        StatementKey row = QuarkusTransaction.requiringNew().call(() -> StatementKey.<StatementKey>findById(kid));
        assertThat(row.privateJwk).startsWith("v2:").doesNotContain(privatePart);
        assertThat(row.publicJwk).doesNotContain(privatePart);

        // what a restarted (or second) instance does: read the keys from the database
        StatementKeys restarted = new StatementKeys(store, config, Clock.systemUTC());
        assertThat(restarted.signingKey(Instant.now()).getKeyID()).isEqualTo(kid);
        assertThat(restarted.signingKey(Instant.now()).getD().toString()).isEqualTo(privatePart);
        assertThat(store.ensureKey(Instant.now())).as("a key exists: the next start generates none").isFalse();
        SignedStatement signed = new StatementSigner(restarted, config, Clock.systemUTC())
                .sign(new RatingStatement("m", "A1", "STABLE", null, "v", Instant.now(), Instant.now()));
        assertThat(verify(signed.jws(), publishedKeys()).getSubject()).isEqualTo("m");
    }

    @Test
    void instancesThatCreateAKeyAtOnceCreateOne() throws Exception {
        int next = store.maxGeneration() + 1;
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Boolean> insert = () -> {
            together.await();
            return QuarkusTransaction.requiringNew().call(() -> store.insertIfAbsent(next, Instant.now()));
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = pool.invokeAll(List.of(insert, insert));
            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        List<StatementKey> created = QuarkusTransaction.requiringNew()
                .call(() -> StatementKey.<StatementKey>list("generation", next));
        assertThat(created).hasSize(1);
        admin().delete("/api/v1/statement-keys/" + created.get(0).kid).then().statusCode(204);
    }

    @Test
    void aRotatedKeyIsPublishedAtOnceAndSignsOnceKnownEverywhere() {
        String current = keys.signingKey(Instant.now()).getKeyID();
        JsonPath rotated = admin().post("/api/v1/statement-keys").then().statusCode(201).extract().jsonPath();
        String next = rotated.getString("kid");
        assertThat(next).isNotEqualTo(current);
        assertThat(rotated.getString("status")).isEqualTo("PENDING");
        Instant created = Instant.parse(rotated.getString("createdAt"));
        assertThat(Instant.parse(rotated.getString("signsFrom"))).isEqualTo(created.plus(Duration.ofMinutes(10)));
        assertThat(rotated.getMap("publicJwk")).containsEntry("kid", next).doesNotContainKey("d");

        assertThat(RestAssured.get("/.well-known/jwks.json").jsonPath().getList("keys.kid", String.class)).contains(current, next);
        assertThat(keys.signingKey(Instant.now()).getKeyID()).isEqualTo(current);
        assertThat(keys.signingKey(created.plus(Duration.ofMinutes(10))).getKeyID()).isEqualTo(next);
        JsonPath list = admin().get("/api/v1/statement-keys").then().statusCode(200).extract().jsonPath();
        assertThat(list.getString("find { it.kid == '" + current + "' }.status")).isEqualTo("SIGNING");
        assertThat(list.getString("find { it.kid == '" + next + "' }.status")).isEqualTo("PENDING");

        admin().delete("/api/v1/statement-keys/" + current).then().statusCode(409).contentType("application/problem+json");
        // ten minutes on, the new key signs, and the old one's statements are valid for another hour and a bit
        StatementKeys later = new StatementKeys(store, config, Clock.fixed(created.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.retire(current)).hasMessageContaining("may be valid until "
                + created.plus(Duration.ofMinutes(10)).plus(Duration.ofMinutes(5)).plus(Duration.ofHours(1)));

        admin().delete("/api/v1/statement-keys/" + next).then().statusCode(204);
        assertThat(RestAssured.get("/.well-known/jwks.json").jsonPath().getList("keys.kid", String.class)).doesNotContain(next);
        admin().get("/api/v1/statement-keys").then().statusCode(200)
                .body("find { it.kid == '" + next + "' }.status", equalTo("RETIRED"));
        admin().delete("/api/v1/statement-keys/no-such-kid").then().statusCode(404).contentType("application/problem+json");
        RestAssured.post("/api/v1/statement-keys").then().statusCode(401);
    }

    @Test
    void aConfiguredKeySignsAndIsPublishedWithTheStoredAndAdditionalKeys() throws Exception {
        ECKey configuredKey = new ECKeyGenerator(Curve.P_256).keyID("agency-2027").generate();
        ECKey previous = new ECKeyGenerator(Curve.P_256).keyID("agency-2026").generate();
        StatementKeys configured = new StatementKeys(store, new TestStatementConfig(Optional.of(configuredKey.toJSONString()),
                Optional.of(new JWKSet(previous.toPublicJWK()).toString())), Clock.systemUTC());
        assertThat(configured.signingKey(Instant.now()).getKeyID()).isEqualTo("agency-2027");
        JWKSet published = configured.publicKeys();
        assertThat(published.getKeys()).extracting(JWK::getKeyID)
                .contains("agency-2027", "agency-2026", keys.signingKey(Instant.now()).getKeyID());
        assertThat(published.containsNonPublicKeys()).isFalse();
        assertThatThrownBy(configured::rotate).isInstanceOf(ProblemException.class).hasMessageContaining("signing-key");

        SignedStatement signed = new StatementSigner(configured, config, Clock.systemUTC())
                .sign(new RatingStatement("m", "Baa1", "POSITIVE", null, "v", Instant.now(), Instant.now()));
        assertThat(signed.kid()).isEqualTo("agency-2027");
        assertThat(verify(signed.jws(), published.toString()).getStringClaim("rating")).isEqualTo("Baa1");
        assertThatThrownBy(() -> verify(signed.jws(), publishedKeys())).as("the running instance does not publish it")
                .isInstanceOf(BadJOSEException.class);
    }

    private static String publishedKeys() {
        return RestAssured.get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
    }

    /** Verification as docs/exchanges.md shows it (nimbus-jose-jwt): signature, typ, issuer, expiry. */
    static JWTClaimsSet verify(String statement, String jwksJson) throws Exception {
        JWKSet jwks = JWKSet.parse(jwksJson);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("rating-statement+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(jwks)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer("stackratings").build(), Set.of("sub", "iat", "exp", "rating")));
        return processor.process(statement, null);
    }

    /** The same with jose4j, an independent implementation. */
    private static JwtClaims jose4j(String statement, String jwksJson) throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwksJson).getJsonWebKeys()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setExpectedType(true, "rating-statement+jwt")
                .setExpectedIssuer("stackratings")
                .setRequireExpirationTime()
                .build()
                .processToClaims(statement);
    }
}

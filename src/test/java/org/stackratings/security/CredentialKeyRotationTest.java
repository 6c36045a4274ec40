package org.stackratings.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stackratings.member.MemberService;

/**
 * Rotating the credential key without downtime: the application runs with a new current key and the old one as a
 * previous key; values sealed under the old key still open; {@code POST /api/v1/credential-key/reseal} seals them all
 * under the new key, after which a cipher that knows only the new key opens every one (the old key is no longer
 * needed). A value sealed under a key that is configured nowhere is counted unreadable and left as it was.
 */
@QuarkusTest
@TestProfile(CredentialKeyRotationTest.Rotating.class)
class CredentialKeyRotationTest {

    /** The test profile's key (application.properties): the previous key here. */
    static final String OLD = "dGVzdC1vbmx5LWtleS1ub3Qtc2VjcmV0LTMyLWJ5dGU=";
    static final String NEW = Base64.getEncoder().encodeToString("rotation-test-key-32-bytes-long!".getBytes());
    static final String STRANGER = Base64.getEncoder().encodeToString(new byte[32]);

    public static class Rotating implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stackratings.security.credential-key", NEW,
                    "stackratings.security.previous-credential-keys", OLD);
        }
    }

    @Inject
    EntityManager em;
    @Inject
    MemberService members;

    @Test
    void resealingMovesEveryReadableValueToTheNewKey() {
        CredentialCipher oldOnly = new CredentialCipher(OLD);
        CredentialCipher newOnly = new CredentialCipher(NEW);
        String sealedOld = uniqueSlug("rotate-old");
        String sealedNew = uniqueSlug("rotate-new");
        String lost = uniqueSlug("rotate-lost");
        for (String slug : List.of(sealedOld, sealedNew, lost)) {
            admin().body(memberBody(slug, "https://keystone.test/v3", "pw-" + slug, false)).post("/api/v1/members")
                    .then().statusCode(201);
        }
        // rows as an instance still on the old key (or a stranger's key) would have written them
        setSecret(sealedOld, oldOnly.encrypt("pw-" + sealedOld, sealedOld));
        setSecret(lost, new CredentialCipher(STRANGER).encrypt("pw-" + lost, lost));
        String stranded = secret(lost);
        assertThat(members.account(sealedOld).orElseThrow().secret()).as("the old key still opens")
                .isEqualTo("pw-" + sealedOld);

        JsonPath before = admin().get("/api/v1/credential-key").then().statusCode(200).extract().jsonPath();
        assertThat(before.getString("currentKeyId")).isEqualTo(newOnly.currentKeyId());
        assertThat(before.getList("configuredKeyIds")).containsExactly(newOnly.currentKeyId(), oldOnly.currentKeyId());
        assertThat(before.getBoolean("previousKeysNeeded")).isTrue();
        assertThat(before.getList("values.kind")).containsExactly("member credentials", "statement signing keys",
                "webhook secrets");
        assertThat(before.getInt("values.find { it.kind == 'member credentials' }.byKey." + oldOnly.currentKeyId()))
                .isGreaterThanOrEqualTo(1);
        assertThat(before.prettify()).doesNotContain(OLD).doesNotContain(NEW).doesNotContain("pw-");

        JsonPath after = admin().post("/api/v1/credential-key/reseal").then().statusCode(200).extract().jsonPath();
        assertThat(after.getBoolean("previousKeysNeeded")).as(after.prettify()).isFalse();
        assertThat(after.getInt("values.find { it.kind == 'member credentials' }.resealed")).isGreaterThanOrEqualTo(1);
        assertThat(after.getInt("values.find { it.kind == 'member credentials' }.unreadable")).isEqualTo(1);

        assertThat(newOnly.decrypt(secret(sealedOld), sealedOld)).as("the old key is no longer needed")
                .isEqualTo("pw-" + sealedOld);
        assertThat(newOnly.decrypt(secret(sealedNew), sealedNew)).isEqualTo("pw-" + sealedNew);
        assertThat(secret(lost)).as("a value no configured key opens is left as it was").isEqualTo(stranded);
        List<Object[]> keys = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select kid, private_jwk from statement_key", Object[].class).getResultList());
        assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(newOnly.decrypt((String) k[1],
                "statement-key:" + k[0])).contains("\"d\""));
        assertThat(admin().post("/api/v1/credential-key/reseal").then().statusCode(200).extract().jsonPath()
                .getInt("values.find { it.kind == 'member credentials' }.resealed")).as("repeating does nothing")
                .isZero();
    }

    private void setSecret(String slug, String stored) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update member set secret_ciphertext = ?1 where slug = ?2").setParameter(1, stored)
                .setParameter(2, slug).executeUpdate());
    }

    private String secret(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select secret_ciphertext from member where slug = ?1").setParameter(1, slug).getSingleResult());
    }
}

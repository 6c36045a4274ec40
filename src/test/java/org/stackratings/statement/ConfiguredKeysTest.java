package org.stackratings.statement;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfiguredKeysTest {

    @Test
    void readsPemWithAPrivateAndAPublicBlockAndNamesTheKeyByItsThumbprint() throws Exception {
        KeyPair pair = pair("secp256r1");
        ECKey key = ConfiguredKeys.signingKey(pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                + pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getCurve()).isEqualTo(Curve.P_256);
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(key.getAlgorithm().getName()).isEqualTo("ES256");
    }

    @Test
    void readsAPrivateJwkAndKeepsItsKid() throws Exception {
        ECKey generated = new ECKeyGenerator(Curve.P_256).keyID("agency-2026").generate();
        ECKey key = ConfiguredKeys.signingKey(generated.toJSONString());
        assertThat(key.getKeyID()).isEqualTo("agency-2026");
        assertThat(key.toPublicJWK().toECPublicKey()).isEqualTo(generated.toECPublicKey());
    }

    @Test
    void refusesKeysThatCannotSignES256WithoutShowingThem() throws Exception {
        KeyPair one = pair("secp256r1");
        KeyPair other = pair("secp256r1");
        String mismatched = pem("PRIVATE KEY", one.getPrivate().getEncoded()) + pem("PUBLIC KEY", other.getPublic().getEncoded());
        assertThatThrownBy(() -> ConfiguredKeys.signingKey(mismatched)).hasMessageContaining("does not belong")
                .hasMessageNotContaining(Base64.getMimeEncoder().encodeToString(one.getPrivate().getEncoded()).substring(0, 40));
        assertThatThrownBy(() -> ConfiguredKeys.signingKey(pem("PRIVATE KEY", one.getPrivate().getEncoded())))
                .hasMessageContaining("PUBLIC KEY");
        assertThatThrownBy(() -> ConfiguredKeys.signingKey(pem("EC PRIVATE KEY", one.getPrivate().getEncoded())))
                .hasMessageContaining("PKCS#8");
        KeyPair p384 = pair("secp384r1");
        assertThatThrownBy(() -> ConfiguredKeys.signingKey(pem("PRIVATE KEY", p384.getPrivate().getEncoded())
                + pem("PUBLIC KEY", p384.getPublic().getEncoded()))).hasMessageContaining("P-256");
        ECKey publicOnly = new ECKeyGenerator(Curve.P_256).generate().toPublicJWK();
        assertThatThrownBy(() -> ConfiguredKeys.signingKey(publicOnly.toJSONString())).hasMessageContaining("private key");
        assertThatThrownBy(() -> ConfiguredKeys.signingKey(new RSAKeyGenerator(2048).generate().toJSONString()))
                .hasMessageContaining("EC key");
        assertThatThrownBy(() -> ConfiguredKeys.signingKey("{not json")).hasMessageContaining("not a valid JWK");
    }

    @Test
    void additionalKeysMustBePublicP256KeysWithAKid() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("previous").generate();
        assertThat(ConfiguredKeys.additionalKeys(new JWKSet(key.toPublicJWK()).toString()).getKeys()).hasSize(1);
        assertThatThrownBy(() -> ConfiguredKeys.additionalKeys(new JWKSet(key).toString(false)))
                .hasMessageContaining("public keys only");
        ECKey unnamed = new ECKeyGenerator(Curve.P_256).generate();
        assertThatThrownBy(() -> ConfiguredKeys.additionalKeys(new JWKSet(unnamed.toPublicJWK()).toString()))
                .hasMessageContaining("with a kid");
    }

    private static KeyPair pair(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

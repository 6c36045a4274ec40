package org.stackratings.statement;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.Base64URL;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the keys given in configuration. Messages name the setting, never its value (it is a secret). PEM is read
 * with the JDK's key factories; the JWK and the key pair check are nimbus-jose-jwt's.
 */
final class ConfiguredKeys {

    private static final String SIGNING = "stackratings.statement.signing-key";
    private static final String ADDITIONAL = "stackratings.statement.additional-public-keys";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private ConfiguredKeys() {
    }

    /** The configured signing key as a private P-256 JWK with a kid (its own, else its RFC 7638 thumbprint). */
    static ECKey signingKey(String text) {
        String trimmed = text.trim();
        ECKey key = trimmed.startsWith("{") ? fromJwk(trimmed) : fromPem(trimmed);
        if (!Curve.P_256.equals(key.getCurve()) || !key.isPrivate()) {
            throw new IllegalStateException(SIGNING + " must be a private key on curve P-256");
        }
        try {
            ECKey.Builder builder = new ECKey.Builder(key).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256);
            ECKey complete = key.getKeyID() == null ? builder.keyIDFromThumbprint().build() : builder.build();
            checkPair(complete);
            return complete;
        } catch (JOSEException e) {
            throw new IllegalStateException(SIGNING + " cannot be used to sign: " + e.getMessage(), e);
        }
    }

    /** Further public keys to publish; each must be a public P-256 key with a kid. */
    static JWKSet additionalKeys(String text) {
        JWKSet set;
        try {
            set = JWKSet.parse(text.trim());
        } catch (ParseException e) {
            throw new IllegalStateException(ADDITIONAL + " is not a JWK set: " + e.getMessage(), e);
        }
        for (JWK jwk : set.getKeys()) {
            if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || jwk.getKeyID() == null) {
                throw new IllegalStateException(ADDITIONAL + " may hold only P-256 keys with a kid");
            }
            if (jwk.isPrivate()) {
                throw new IllegalStateException(ADDITIONAL + " must hold public keys only");
            }
        }
        return set;
    }

    private static ECKey fromJwk(String json) {
        try {
            if (JWK.parse(json) instanceof ECKey ec) {
                return ec;
            }
        } catch (ParseException e) {
            throw new IllegalStateException(SIGNING + " is not a valid JWK: " + e.getMessage(), e);
        }
        throw new IllegalStateException(SIGNING + " must be an EC key (kty EC, crv P-256)");
    }

    private static ECKey fromPem(String pem) {
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher blocks = PEM.matcher(pem);
        while (blocks.find()) {
            byte[] der = Base64.getMimeDecoder().decode(blocks.group(2));
            switch (blocks.group(1)) {
                case "PRIVATE KEY" -> privateDer = der;
                case "PUBLIC KEY" -> publicDer = der;
                default -> throw new IllegalStateException(SIGNING + " has a PEM block of type '" + blocks.group(1)
                        + "'; expected PRIVATE KEY (PKCS#8) and PUBLIC KEY");
            }
        }
        if (privateDer == null || publicDer == null) {
            throw new IllegalStateException(SIGNING + " must be a private JWK, or PEM with a PRIVATE KEY (PKCS#8) and a"
                    + " PUBLIC KEY block (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256; openssl pkey -pubout)");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            ECPrivateKey privateKey = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicDer));
            Curve curve = Curve.forECParameterSpec(publicKey.getParams());
            if (curve == null) {
                throw new IllegalStateException(SIGNING + " must be on curve P-256");
            }
            return new ECKey.Builder(curve, publicKey).privateKey(privateKey).build();
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(SIGNING + " holds no readable EC key pair: " + e.getMessage(), e);
        }
    }

    /** Signs a probe with the private half and verifies it with the public half: the two must belong together. */
    private static void checkPair(ECKey key) throws JOSEException {
        JWSHeader header = new JWSHeader(JWSAlgorithm.ES256);
        byte[] probe = "stackratings key check".getBytes(StandardCharsets.UTF_8);
        Base64URL signature = new ECDSASigner(key).sign(header, probe);
        if (!new ECDSAVerifier(key.toPublicJWK()).verify(header, probe, signature)) {
            throw new IllegalStateException(SIGNING + ": the public key does not belong to the private key");
        }
    }
}

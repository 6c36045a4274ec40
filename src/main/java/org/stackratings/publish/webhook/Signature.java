package org.stackratings.publish.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The webhook signature header: {@code X-StackRatings-Signature: t=<unix seconds>,v1=<hex>} where {@code hex} is
 * HMAC-SHA256 keyed with the subscription secret (its UTF-8 bytes) over {@code <t>.<body>}. Receivers recompute it,
 * compare in constant time, and reject stale {@code t} to stop replays (docs/webhooks.md).
 */
public record Signature(long timestamp, String hex) {

    public static final String HEADER = "X-StackRatings-Signature";

    public static Signature sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return new Signature(timestamp, HexFormat.of().formatHex(mac.doFinal(body)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }

    public String header() {
        return "t=" + timestamp + ",v1=" + hex;
    }
}

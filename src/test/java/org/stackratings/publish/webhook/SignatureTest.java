package org.stackratings.publish.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureTest {

    @Test
    void matchesAnHmacComputedElsewhere() {
        // python3: hmac.new(b'whsec_test-secret-0123456789', b'1764000000.' + body, hashlib.sha256).hexdigest()
        Signature signature = Signature.sign("whsec_test-secret-0123456789", 1764000000L,
                "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature.header())
                .isEqualTo("t=1764000000,v1=3baa46260be670ed1f750b4c3ed56dffe0298d57a6671fe1cce7b0627e3cd923");
    }

    @Test
    void changesWithTheBodyTheTimestampAndTheSecret() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String base = Signature.sign("secret-one-0123456789abcdef", 10, body).hex();
        assertThat(Signature.sign("secret-one-0123456789abcdef", 11, body).hex()).isNotEqualTo(base);
        assertThat(Signature.sign("secret-two-0123456789abcdef", 10, body).hex()).isNotEqualTo(base);
        assertThat(Signature.sign("secret-one-0123456789abcdef", 10, "{ }".getBytes(StandardCharsets.UTF_8)).hex()).isNotEqualTo(base);
    }
}

package org.stackratings.publish.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new subscription. {@code secret}: the HMAC key, 24–200 printable ASCII characters; leave it out and the agency
 * generates one, shown once in the answer. {@link #toString()} never shows the secret.
 */
public record SubscriptionRequest(
        @NotBlank @Size(max = TargetUrlPolicy.MAX_LENGTH) String targetUrl,
        @Size(min = 24, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without spaces") String secret,
        @Size(max = 200) String description) {

    @Override
    public String toString() {
        return "SubscriptionRequest[targetUrl=" + targetUrl + ", description=" + description + ", secret="
                + (secret == null ? "(generate)" : "***") + "]";
    }
}

package org.stackratings.openstack;

import java.time.Instant;

/**
 * A second token a session asked Keystone for (to check token create, validate and revoke), with the answer that
 * issued it. The token itself stays inside the openstack package: {@link #toString()} never shows it, and an
 * {@link ApiCall} sends it only as {@code X-Subject-Token}.
 */
public final class IssuedToken {

    private final String value;
    private final Instant expiresAt;
    private final ApiAnswer answer;

    IssuedToken(String value, Instant expiresAt, ApiAnswer answer) {
        this.value = value;
        this.expiresAt = expiresAt;
        this.answer = answer;
    }

    String value() {
        return value;
    }

    /** When Keystone said it expires (null when its answer did not say). */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Keystone's answer to the token request (its excerpt and headers never hold the token). */
    public ApiAnswer answer() {
        return answer;
    }

    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + ", token=***]";
    }
}

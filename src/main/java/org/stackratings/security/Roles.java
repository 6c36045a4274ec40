package org.stackratings.security;

/** Roles an API key can carry. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String PROVIDER = "provider";
    public static final String EXCHANGE = "exchange";

    private Roles() {
    }
}

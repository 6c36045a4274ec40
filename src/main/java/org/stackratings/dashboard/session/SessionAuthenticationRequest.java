package org.stackratings.dashboard.session;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The session token a browser presented in its cookie. */
final class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    SessionAuthenticationRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}

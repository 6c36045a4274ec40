package org.stackratings.dashboard.session;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Authenticates browsers by the dashboard's session cookie ({@link SessionCookies}), on the dashboard's pages only:
 * the REST API ({@code /api/}) and management ({@code /q/}) ignore the cookie and keep to Bearer keys, so a logged-in
 * browser cannot be driven into API calls. Runs after the Bearer mechanism (lower priority); an unknown or ended
 * session leaves the request anonymous (the page then asks to log in) rather than failing it.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final int PRIORITY = DEFAULT_PRIORITY - 100;

    private final SessionCookies cookies;

    public SessionAuthenticationMechanism(SessionCookies cookies) {
        this.cookies = cookies;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String path = context.normalizedPath();
        Cookie cookie = context.request().getCookie(cookies.name());
        if (cookie == null || cookie.getValue().isEmpty() || path.startsWith("/api/") || path.startsWith("/q/")) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(new SessionAuthenticationRequest(cookie.getValue()))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, cookies.name()));
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}

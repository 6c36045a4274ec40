package org.stackratings.dashboard.session;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.stackratings.security.ApiKeyIdentityProvider;
import org.stackratings.security.KeyPrincipal;

/**
 * Turns a session token into the identity of the key the session was opened with: the same role and attributes as
 * a Bearer request with that key ({@link ApiKeyIdentityProvider}), so {@code MemberAccess} decides alike.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    private final SessionStore sessions;

    public SessionIdentityProvider(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.resolve(request.token()).map(SessionIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("unknown or ended dashboard session")));
    }

    static SecurityIdentity identity(KeyPrincipal key) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(key.name()))
                .addRole(key.role())
                .addAttribute(ApiKeyIdentityProvider.KEY_ATTRIBUTE, key);
        if (key.member() != null) {
            builder.addAttribute(ApiKeyIdentityProvider.MEMBER_ATTRIBUTE, key.member());
        }
        return builder.build();
    }
}

package org.stackratings.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a presented API key into a security identity through {@link ApiKeys#authenticate} (on a worker thread, only
 * when the key's row must be read: {@link ApiKeys#checkInMemory} decides the others at once): the role of the key,
 * and as attributes the {@link KeyPrincipal} ({@value #KEY_ATTRIBUTE}) and, for a provider key, the member slug
 * ({@value #MEMBER_ATTRIBUTE}).
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    public static final String KEY_ATTRIBUTE = "stackratings.key";
    public static final String MEMBER_ATTRIBUTE = "stackratings.member";

    private final ApiKeys keys;

    public ApiKeyIdentityProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String presented = request.getToken().getToken();
        // most requests carry a key whose row is cached: decided on the calling thread, without a hand-off
        ApiKeys.InMemoryCheck quick = keys.checkInMemory(presented);
        if (quick.decided()) {
            return quick.principal().map(k -> Uni.createFrom().item(identity(k)))
                    .orElseGet(() -> Uni.createFrom().failure(refused()));
        }
        return context.runBlocking(() -> keys.authenticate(presented).map(ApiKeyIdentityProvider::identity)
                .orElseThrow(ApiKeyIdentityProvider::refused));
    }

    private static AuthenticationFailedException refused() {
        return new AuthenticationFailedException("unknown, expired or revoked API key");
    }

    private static SecurityIdentity identity(KeyPrincipal key) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(key.name()))
                .addRole(key.role())
                .addAttribute(KEY_ATTRIBUTE, key);
        if (key.member() != null) {
            builder.addAttribute(MEMBER_ATTRIBUTE, key.member());
        }
        return builder.build();
    }
}

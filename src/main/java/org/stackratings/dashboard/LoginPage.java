package org.stackratings.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.stackratings.dashboard.session.CsrfTokens;
import org.stackratings.dashboard.session.SessionCookies;
import org.stackratings.dashboard.session.SessionStore;
import org.stackratings.security.ApiKeyIdentityProvider;
import org.stackratings.security.ApiKeys;
import org.stackratings.security.KeyPrincipal;
import org.stackratings.security.Roles;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Login and logout of the dashboard. The "password" is an API key (provider or admin): checked by
 * {@link ApiKeys#authenticate}, never stored (the session keeps its SHA-256), never echoed. Both forms carry a CSRF
 * token ({@link CsrfTokens}); a POST without the browser's token gets 400 before the key is looked at.
 */
@Path("/")
public class LoginPage {

    /** Where a login may send the browser: a dashboard page, nothing else (no open redirect). */
    private static final Pattern NEXT = Pattern.compile("^/dashboard(/[a-z0-9][a-z0-9-]{1,62})?(\\?range=(24h|7d|30d|90d))?$");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String csrf, String next, String error, boolean loggedOut);

        static native TemplateInstance logout(String csrf, String who);
    }

    private final ApiKeys keys;
    private final SessionStore sessions;
    private final SessionCookies cookies;
    private final CsrfTokens csrf;
    private final SecurityIdentity identity;

    public LoginPage(ApiKeys keys, SessionStore sessions, SessionCookies cookies, CsrfTokens csrf, SecurityIdentity identity) {
        this.keys = keys;
        this.sessions = sessions;
        this.cookies = cookies;
        this.csrf = csrf;
        this.identity = identity;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response form(@QueryParam("next") String next, @QueryParam("logged-out") String loggedOut,
                         @Context HttpHeaders headers) {
        String token = csrf.tokenFor(csrf.cookieToken(headers));
        return Response.ok(Templates.login(token, safeNext(next), null, loggedOut != null)).cookie(csrf.cookie(token)).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response login(@FormParam("key") String key, @FormParam("next") String next,
                          @FormParam(CsrfTokens.FIELD) String csrfField, @Context HttpHeaders headers) {
        String csrfCookie = csrf.cookieToken(headers);
        if (!csrf.matches(csrfCookie, csrfField)) {
            return expiredForm("/login");
        }
        String target = safeNext(next);
        Optional<KeyPrincipal> principal = keys.authenticate(key == null ? null : key.trim());
        if (principal.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .entity(Templates.login(csrfCookie, target, "This API key is unknown, expired or revoked.", false)).build();
        }
        KeyPrincipal p = principal.get();
        if (!Roles.ADMIN.equals(p.role()) && !Roles.PROVIDER.equals(p.role())) {
            return Response.status(Response.Status.FORBIDDEN).entity(Templates.login(csrfCookie, target,
                    "A key with the role '" + p.role() + "' cannot open the dashboard: use your provider key.", false)).build();
        }
        sessions.close(cookies.token(headers));
        SessionStore.Opened session = sessions.open(p, key.trim());
        String landing = target != null ? target
                : Roles.PROVIDER.equals(p.role()) ? "/dashboard/" + p.member() : "/";
        return Response.seeOther(URI.create(landing)).cookie(cookies.open(session)).build();
    }

    @GET
    @Path("logout")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response confirm(@Context HttpHeaders headers) {
        if (identity.isAnonymous()) {
            return Response.seeOther(URI.create("/login")).build();
        }
        KeyPrincipal key = identity.getAttribute(ApiKeyIdentityProvider.KEY_ATTRIBUTE);
        String who = key == null ? identity.getPrincipal().getName()
                : key.member() == null ? key.role() + " key " + key.keyId() : "provider of " + key.member();
        String token = csrf.tokenFor(csrf.cookieToken(headers));
        return Response.ok(Templates.logout(token, who)).cookie(csrf.cookie(token)).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout(@FormParam(CsrfTokens.FIELD) String csrfField, @Context HttpHeaders headers) {
        if (!csrf.matches(csrf.cookieToken(headers), csrfField)) {
            return expiredForm("/logout");
        }
        sessions.close(cookies.token(headers));
        return Response.seeOther(URI.create("/login?logged-out=true")).cookie(cookies.clear()).build();
    }

    private static Response expiredForm(String page) {
        return MessagePage.of(Response.Status.BAD_REQUEST, "The form has expired",
                "This form was not sent from this site's page, or the page is too old. Open it again and retry.", page, "Open the form again");
    }

    private static String safeNext(String next) {
        return next != null && NEXT.matcher(next).matches() ? next : null;
    }
}

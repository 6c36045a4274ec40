package org.stackratings.dashboard;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Response headers of the server-rendered pages ({@code /}, {@code /login}, {@code /logout}, {@code /dashboard…}):
 * a Content-Security-Policy that lets the page load scripts, styles and data only from the application itself (no
 * inline script: chart data travels as JSON in a non-executable element) and forbids framing; no MIME sniffing;
 * referrers kept on the site; and {@code no-store} for pages behind the login, so a shared browser's cache keeps no
 * member data.
 */
public class PageHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        boolean behindLogin = path.startsWith("/dashboard") || path.equals("/login") || path.equals("/logout");
        if (!behindLogin && !path.equals("/")) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CSP);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
        if (behindLogin) {
            headers.putSingle("Cache-Control", "no-store");
        }
    }
}

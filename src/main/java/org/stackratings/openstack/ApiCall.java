package org.stackratings.openstack;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One raw API call for checks that need the exact status and body (the compliance probe and the conformance run).
 * {@code path} is relative to the service's catalog endpoint (for identity: to the auth URL, e.g.
 * {@code /auth/catalog}); an absolute {@code path} of "" calls the endpoint itself. {@code root} calls the
 * unversioned root of the endpoint's host path (version discovery). {@code subjectIsOwnToken} sends the session's
 * token as {@code X-Subject-Token} too; {@code subject} sends another token the session issued instead.
 * {@code headers} are sent as given (a microversion, say); {@code contentType} is the body's (JSON when null).
 */
public record ApiCall(CloudService service, String method, String path, String body, boolean root,
        boolean subjectIsOwnToken, Map<String, String> headers, String contentType, IssuedToken subject) {

    public ApiCall {
        headers = Map.copyOf(headers);
    }

    public ApiCall(CloudService service, String method, String path, String body, boolean root,
            boolean subjectIsOwnToken) {
        this(service, method, path, body, root, subjectIsOwnToken, Map.of(), null, null);
    }

    public static ApiCall get(CloudService service, String path) {
        return new ApiCall(service, "GET", path, null, false, false);
    }

    public static ApiCall versions(CloudService service) {
        return new ApiCall(service, "GET", "", null, true, false);
    }

    /** A call with a JSON body ({@code body} may be null for none). */
    public static ApiCall of(CloudService service, String method, String path, String body) {
        return new ApiCall(service, method, path, body, false, false);
    }

    public ApiCall withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiCall(service, method, path, body, root, subjectIsOwnToken, more, contentType, subject);
    }

    /** The same call with a body of another type ({@code application/octet-stream}, a JSON patch). */
    public ApiCall withBody(String changedBody, String changedContentType) {
        return new ApiCall(service, method, path, changedBody, root, subjectIsOwnToken, headers, changedContentType,
                subject);
    }

    /** The same call about another token ({@code X-Subject-Token}: validate, check, revoke it). */
    public ApiCall about(IssuedToken token) {
        return new ApiCall(service, method, path, body, root, false, headers, contentType, token);
    }

    public String describe() {
        return method + " " + service.name().toLowerCase(Locale.ROOT) + (root ? " (root)" : "") + " " + path;
    }
}

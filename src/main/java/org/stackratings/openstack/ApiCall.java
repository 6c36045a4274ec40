package org.stackratings.openstack;

/**
 * One raw API call for checks that need the exact status and body (the compliance probe). {@code path} is relative
 * to the service's catalog endpoint (for identity: to the auth URL, e.g. {@code /auth/catalog}); an absolute
 * {@code path} of "" calls the endpoint itself. {@code root} calls the unversioned root of the endpoint's host path
 * (version discovery). {@code subjectIsOwnToken} sends the session's token as {@code X-Subject-Token} too.
 */
public record ApiCall(CloudService service, String method, String path, String body, boolean root, boolean subjectIsOwnToken) {

    public static ApiCall get(CloudService service, String path) {
        return new ApiCall(service, "GET", path, null, false, false);
    }

    public static ApiCall versions(CloudService service) {
        return new ApiCall(service, "GET", "", null, true, false);
    }

    public String describe() {
        return method + " " + service.name().toLowerCase(java.util.Locale.ROOT) + (root ? " (root)" : "") + " " + path;
    }
}

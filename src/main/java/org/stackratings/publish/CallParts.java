package org.stackratings.publish;

/**
 * A compliance call as the agency names it ({@code GET compute /flavors}, {@code GET compute (root) }): method,
 * service, and path relative to the service's catalog endpoint ({@code (root)}: the endpoint's unversioned root;
 * empty: the endpoint itself).
 */
record CallParts(String method, String service, String path) {

    static CallParts of(String call) {
        if (call == null) {
            return new CallParts(null, null, null);
        }
        String[] parts = call.split(" ", 3);
        if (parts.length < 2) {
            return new CallParts(null, null, call);
        }
        return new CallParts(parts[0], parts[1], parts.length == 3 ? parts[2].strip() : "");
    }
}

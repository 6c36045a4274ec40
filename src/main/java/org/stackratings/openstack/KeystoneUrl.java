package org.stackratings.openstack;

/** Keystone auth URLs as operators write them, made into the v3 base openstack4j expects. */
final class KeystoneUrl {

    private KeystoneUrl() {
    }

    /** {@code https://k:5000} and {@code https://k:5000/v3/} both become {@code https://k:5000/v3}. */
    static String normalize(String authUrl) {
        String url = authUrl.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url.endsWith("/v3") ? url : url + "/v3";
    }
}

package org.stackratings.openstack.http;

import java.io.IOException;

/** A member answered with a redirect; the agency follows none (a redirect could lead anywhere). */
public final class RedirectRefusedException extends IOException {

    private final int status;

    RedirectRefusedException(int status, String target) {
        super("HTTP " + status + " redirect to " + target + " refused: the agency follows no redirects");
        this.status = status;
    }

    public int status() {
        return status;
    }
}

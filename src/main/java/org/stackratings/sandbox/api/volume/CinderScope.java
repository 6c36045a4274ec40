package org.stackratings.sandbox.api.volume;

import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.routing.ApiRequest;

/**
 * What every Cinder handler checks first: the project of the URL must be the token's (Cinder's policy refuses another
 * project's URL with 403), and the microversion the request negotiated.
 */
public final class CinderScope {

    static final String VERSION_KEY = "sandbox.volume.microversion";

    private CinderScope() {
    }

    /** True (and the 403 sent) when the URL names another project than the token's. */
    public static boolean wrongProject(ApiRequest req, String policy) {
        if (!req.param("project_id").equals(req.token().projectId())) {
            req.fail(403, "Policy doesn't allow " + policy + " to be performed.");
            return true;
        }
        return false;
    }

    /** The project the request acts for. */
    public static String project(ApiRequest req) {
        return req.token().projectId();
    }

    /** The microversion the request negotiated (3.0 when it asked none). */
    public static Microversion version(ApiRequest req) {
        Microversion version = req.context().get(VERSION_KEY);
        return version == null ? VolumeApi.MIN : version;
    }

    /** {@code {serviceBase}/v3/{project}}: where the project's resources are. */
    public static String projectBase(ApiRequest req) {
        return req.serviceBase() + "/v3/" + req.param("project_id");
    }
}

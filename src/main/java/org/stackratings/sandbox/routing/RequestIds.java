package org.stackratings.sandbox.routing;

import io.vertx.core.http.HttpServerResponse;

import java.util.UUID;

/**
 * The request id every OpenStack service answers with ({@code x-openstack-request-id: req-<uuid>}, from oslo.middleware),
 * on successes and errors alike; Nova also sends it as {@code x-compute-request-id}.
 */
public final class RequestIds {

    public static final String HEADER = "x-openstack-request-id";
    public static final String COMPUTE_HEADER = "x-compute-request-id";

    private RequestIds() {
    }

    /** Gives the answer a new request id and returns it. */
    public static String stamp(HttpServerResponse response) {
        String id = "req-" + UUID.randomUUID();
        response.putHeader(HEADER, id);
        return id;
    }

    /** Adds Nova's second name for the request id already stamped on the answer. */
    public static void stampCompute(HttpServerResponse response) {
        String id = response.headers().get(HEADER);
        response.putHeader(COMPUTE_HEADER, id != null ? id : stamp(response));
    }
}

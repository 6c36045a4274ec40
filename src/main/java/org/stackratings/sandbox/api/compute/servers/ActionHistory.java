package org.stackratings.sandbox.api.compute.servers;

import java.time.Duration;
import java.util.List;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.RequestIds;
import org.stackratings.sandbox.state.compute.InstanceAction;

/** The entry a request adds to a server's action history: its request id, user, project and one compute event. */
public final class ActionHistory {

    private ActionHistory() {
    }

    /** The request id the answer carries ({@code x-openstack-request-id}). */
    public static String requestId(ApiRequest req) {
        String id = req.context().response().headers().get(RequestIds.HEADER);
        return id != null ? id : RequestIds.stamp(req.context().response());
    }

    /**
     * The action {@code action} of this request, with the compute event {@code event} lasting {@code time} and
     * ending in error when {@code fails}.
     */
    public static InstanceAction of(ApiRequest req, String action, String event, Duration time, boolean fails) {
        String user = req.token() == null ? null : req.token().user().id();
        return new InstanceAction(action, requestId(req), user, req.profile().project().id(), req.now(),
                List.of(new InstanceAction.Event(event, req.now(), req.now().plus(time), fails)));
    }
}

package org.stackratings.sandbox.api.compute.servers.actions;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.stackratings.sandbox.api.ServiceTime;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.api.compute.ComputeApi;
import org.stackratings.sandbox.api.compute.NovaPaging;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.compute.InstanceAction;

/**
 * A server's action history, {@code GET /servers/{id}/os-instance-actions} (newest first; {@code limit} and
 * {@code marker} from 2.58, with {@code updated_at}) and {@code /os-instance-actions/{request_id}}. Its events are
 * shown to a member from 2.51 on (without traceback; {@code hostId} from 2.62), as Nova's default policy does; a
 * deleted server's history stays readable from 2.21.
 */
public final class InstanceActionsApi {


    public void register(ServiceRoutes routes, String server) {
        routes.get(server + "/os-instance-actions", NovaRefusal.answering(this::list));
        routes.get(server + "/os-instance-actions/:request_id", NovaRefusal.answering(this::show));
    }

    private static List<InstanceAction> history(ApiRequest req) {
        String id = req.param("server_id");
        boolean deletedToo = ComputeApi.microversion(req).atLeast(2, 21);
        return req.cloud().serverStore().actions(id, deletedToo).orElseThrow(() -> NovaRefusal.noInstance(id));
    }

    private void list(ApiRequest req) {
        Microversion mv = ComputeApi.microversion(req);
        List<InstanceAction> actions = history(req);
        JsonObject body = new JsonObject();
        if (mv.atLeast(2, 58)) {
            NovaPaging.Page<InstanceAction> page = NovaPaging.page(actions, InstanceAction::requestId,
                    req.query("marker"), req.query("limit"));
            actions = page.items();
            if (page.nextQuery() != null) {
                body.put("links", new JsonArray().add(new JsonObject().put("rel", "next")
                        .put("href", req.serviceBase() + "/v2.1/servers/" + req.param("server_id")
                                + "/os-instance-actions" + page.nextQuery())));
            }
        }
        JsonArray list = new JsonArray();
        actions.forEach(a -> list.add(document(req, a)));
        req.ok(body.put("instanceActions", list));
    }

    private void show(ApiRequest req) {
        String requestId = req.param("request_id");
        InstanceAction action = history(req).stream().filter(a -> a.requestId().equals(requestId)).findFirst()
                .orElseThrow(() -> new NovaRefusal(404, "Action for request_id " + requestId + " on instance "
                        + req.param("server_id") + " not found"));
        JsonObject document = document(req, action);
        Microversion mv = ComputeApi.microversion(req);
        if (mv.atLeast(2, 51)) {
            JsonArray events = new JsonArray();
            for (InstanceAction.Event e : action.events()) {
                boolean done = e.finishedAt(req.now());
                JsonObject event = new JsonObject().put("event", e.name()).put("start_time", time(e.start()))
                        .put("finish_time", done ? time(e.finish()) : null)
                        .put("result", done ? (e.fails() ? "Error" : "Success") : null);
                if (mv.atLeast(2, 62)) {
                    event.put("hostId", CloudProfile.derivedId("host:" + req.cloud().name()));
                }
                events.add(event);
            }
            document.put("events", events);
        }
        req.ok(new JsonObject().put("instanceAction", document));
    }

    private static JsonObject document(ApiRequest req, InstanceAction action) {
        JsonObject json = new JsonObject().put("action", action.action())
                .put("instance_uuid", req.param("server_id"))
                .putNull("message")
                .put("project_id", action.projectId())
                .put("request_id", action.requestId())
                .put("start_time", time(action.start()))
                .put("user_id", action.userId());
        if (ComputeApi.microversion(req).atLeast(2, 58)) {
            json.put("updated_at", time(action.updatedAt(req.now())));
        }
        return json;
    }

    private static String time(Instant t) {
        return ServiceTime.format(t);
    }
}

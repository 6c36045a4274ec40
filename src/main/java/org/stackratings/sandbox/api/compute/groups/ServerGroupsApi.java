package org.stackratings.sandbox.api.compute.groups;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Predicate;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.api.compute.ComputeApi;
import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.api.compute.quotas.ComputeQuotaLimits;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.compute.ServerGroup;

/**
 * Nova's {@code os-server-groups}: create ({@link ServerGroupRequest}; 200, within the {@code server_groups}
 * quota), list ({@code limit} and {@code offset}), show and delete (204). A server joins a group through the
 * scheduler hint {@code group} of its create; members are the servers not gone. The document has {@code policies}
 * and {@code metadata} before 2.64, {@code policy} and {@code rules} from 2.64, {@code project_id} and
 * {@code user_id} from 2.13.
 */
public final class ServerGroupsApi {

    public void register(ServiceRoutes routes, String prefix) {
        String groups = prefix + "/os-server-groups";
        routes.route(HttpMethod.POST, groups, true, NovaRefusal.answering(this::create));
        routes.get(groups, NovaRefusal.answering(this::list));
        routes.get(groups + "/:group_id", NovaRefusal.answering(this::show));
        routes.route(HttpMethod.DELETE, groups + "/:group_id", true, NovaRefusal.answering(this::delete));
    }

    private static Predicate<String> existing(ApiRequest req) {
        return id -> req.cloud().serverStore().find(id).isPresent();
    }

    private void create(ApiRequest req) {
        ServerGroupRequest request = ServerGroupRequest.parse(req.jsonBody(), ComputeApi.microversion(req));
        if (req.cloud().serverGroups().count() >= ComputeQuotaLimits.of(req).serverGroups()) {
            throw new NovaRefusal(403, "Quota exceeded, too many server groups.");
        }
        ServerGroup group = req.cloud().serverGroups().create(request.name(), request.policy(), request.rules(),
                req.profile().project().id(), req.token().user().id());
        req.ok(new JsonObject().put("server_group", document(req, group)));
    }

    private void list(ApiRequest req) {
        List<ServerGroup> groups = req.cloud().serverGroups().list(existing(req));
        int offset = number(req.query("offset"), "offset", 0);
        int limit = number(req.query("limit"), "limit", Integer.MAX_VALUE);
        JsonArray list = new JsonArray();
        groups.stream().skip(offset).limit(limit).forEach(g -> list.add(document(req, g)));
        req.ok(new JsonObject().put("server_groups", list));
    }

    private static int number(String value, String field, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < (field.equals("limit") ? 1 : 0)) {
                throw new NumberFormatException(value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new NovaRefusal(400, "Invalid input for query parameters " + field + ". Value: " + value + ".");
        }
    }

    private void show(ApiRequest req) {
        req.ok(new JsonObject().put("server_group", document(req, found(req))));
    }

    private void delete(ApiRequest req) {
        req.cloud().serverGroups().delete(found(req).id());
        req.reply(204, null);
    }

    private static ServerGroup found(ApiRequest req) {
        String id = req.param("group_id");
        return req.cloud().serverGroups().find(id, existing(req))
                .orElseThrow(() -> new NovaRefusal(404, "Instance group " + id + " could not be found."));
    }

    private static JsonObject document(ApiRequest req, ServerGroup group) {
        Microversion mv = ComputeApi.microversion(req);
        JsonObject json = new JsonObject().put("id", group.id()).put("name", group.name());
        if (mv.atLeast(2, 64)) {
            json.put("policy", group.policy()).put("rules", new JsonObject(new java.util.LinkedHashMap<>(
                    group.rules())));
        } else {
            json.put("policies", new JsonArray().add(group.policy())).put("metadata", new JsonObject());
        }
        json.put("members", new JsonArray(new java.util.ArrayList<>(group.members())));
        if (mv.atLeast(2, 13)) {
            json.put("project_id", group.projectId()).put("user_id", group.userId());
        }
        return json;
    }
}

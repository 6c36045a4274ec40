package org.stackratings.sandbox.api.compute.servers;

import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.api.compute.ComputeApi;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.stackratings.sandbox.api.compute.servers.actions.InstanceActionsApi;
import org.stackratings.sandbox.api.compute.servers.actions.ServerActionsApi;
import org.stackratings.sandbox.api.compute.servers.ports.InterfacesApi;
import org.stackratings.sandbox.api.compute.servers.ports.ServerPorts;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.ServerSpec;
import org.stackratings.sandbox.state.SimulatedServer;
import org.stackratings.sandbox.state.volume.VolumeAttachment;
import org.stackratings.sandbox.state.volume.VolumeStore;

/**
 * Nova's servers under {@code /v2.1} (or {@code /v2.1/{project_id}}): create ({@link ServerCreateRequest}), list
 * ({@link ServerListQuery}), show, update ({@link ServerUpdateRequest}) and delete, with the metadata
 * ({@link ServerMetadataApi}) and the actions ({@link ServerActionsApi}) of a server; its Neutron ports are
 * {@link ServerPorts}. Validation and status codes
 * follow Nova, negative cases included (they are what compliance tests check); a refused request ends in a
 * {@link NovaRefusal}, the documents are {@link ServerDocuments}.
 */
public final class ServerApi {

    private final ServerMetadataApi metadataApi = new ServerMetadataApi();
    private final ServerActionsApi actionsApi = new ServerActionsApi();
    private final InstanceActionsApi instanceActionsApi = new InstanceActionsApi();
    private final ServerTagsApi tagsApi = new ServerTagsApi();
    private final ServerAddressesApi addressesApi = new ServerAddressesApi();
    private final InterfacesApi interfacesApi = new InterfacesApi();

    /** Registers the servers' routes under {@code prefix} ({@code /v2.1} or {@code /v2.1/:project_id}). */
    public void register(ServiceRoutes routes, String prefix) {
        String servers = prefix + "/servers";
        String server = servers + "/:server_id";
        routes.get(servers, NovaRefusal.answering(req -> list(req, false)));
        routes.get(servers + "/detail", NovaRefusal.answering(req -> list(req, true)));
        routes.route(HttpMethod.POST, servers, true, NovaRefusal.answering(this::create));
        routes.get(server, NovaRefusal.answering(this::show));
        routes.route(HttpMethod.PUT, server, true, NovaRefusal.answering(this::update));
        routes.route(HttpMethod.DELETE, server, true, NovaRefusal.answering(this::delete));
        metadataApi.register(routes, server);
        actionsApi.register(routes, server);
        instanceActionsApi.register(routes, server);
        tagsApi.register(routes, server);
        addressesApi.register(routes, server);
        interfacesApi.register(routes, server);
    }

    private void create(ApiRequest req) {
        ServerCreateRequest request = ServerCreateRequest.parse(req);
        ServerSpec spec = ServerQuota.of(req).admit(request.spec());
        List<SimulatedServer> created = req.cloud().createServers(spec);
        if (created.isEmpty()) {
            int max = req.profile().lifecycle().maxServers();
            throw new NovaRefusal(403, "Quota exceeded for instances: Requested " + spec.minCount()
                    + ", but already used " + req.cloud().serverStore().count() + " of " + max + " instances");
        }
        ServerPorts ports = new ServerPorts(req);
        JsonArray groupIds = ports.securityGroups(spec.securityGroups());
        SimulatedServer first = null;
        for (SimulatedServer s : created) {
            SimulatedServer made = RequestedServer.modify(req, s.id(), r -> {
                if (request.adminPass() != null) {
                    r.adminPass(request.adminPass());
                }
                r.record(ActionHistory.of(req, "create", "compute__do_build_and_run_instance",
                        Duration.between(req.now(), r.bootDue()), r.bootFails()));
                ports.attach(s.id(), request.nics(), groupIds, r.givenPorts());
            });
            request.disks().attach(req, s.id());
            first = first == null ? made : first;
            if (spec.group() != null) {
                req.cloud().serverGroups().addMember(spec.group(), s.id());
            }
        }
        ServerDocuments documents = new ServerDocuments(req);
        if (request.returnReservationId()) {
            req.reply(202, documents.reservation(first));
            return;
        }
        req.putHeader("Location", documents.selfHref(first.id()));
        req.reply(202, documents.created(first, spec.securityGroups()));
    }

    private void list(ApiRequest req, boolean detail) {
        ServerListQuery query = ServerListQuery.of(req, ComputeApi.microversion(req));
        ServerDocuments documents = new ServerDocuments(req);
        ServerListQuery.Page page = query.page(req.cloud().servers(), documents::fixedAddresses);
        JsonObject body = new JsonObject();
        if (page.nextQuery() != null) {
            String next = req.serviceBase() + "/v2.1/servers" + (detail ? "/detail" : "") + page.nextQuery();
            body.put("servers_links", new JsonArray().add(new JsonObject().put("rel", "next").put("href", next)));
        }
        JsonArray list = new JsonArray();
        for (SimulatedServer s : page.servers()) {
            list.add(detail ? documents.detail(s) : documents.summary(s));
        }
        req.ok(body.put("servers", list));
    }

    private void show(ApiRequest req) {
        req.ok(new JsonObject().put("server", new ServerDocuments(req).detail(RequestedServer.existing(req))));
    }

    private void update(ApiRequest req) {
        ServerUpdateRequest update = ServerUpdateRequest.parse(req);
        SimulatedServer updated = RequestedServer.modify(req, req.param("server_id"), update::applyTo);
        req.ok(new JsonObject().put("server", new ServerDocuments(req).changed(updated, false)));
    }

    private void delete(ApiRequest req) {
        startDelete(req, RequestedServer.unlocked(req), "delete");
        req.reply(204, null);
    }

    /**
     * Starts deleting {@code server} (recorded as {@code action}) and takes its ports off it at once: the ports Nova
     * made are deleted, those it was given unbound; its volumes are detached (available again a moment later), or
     * deleted when their block device mapping said {@code delete_on_termination}.
     */
    public static void startDelete(ApiRequest req, SimulatedServer server, String action) {
        var record = ActionHistory.of(req, action, "compute_terminate_instance", Duration.ZERO, false);
        java.util.Set<String> given = new java.util.HashSet<>();
        RequestedServer.modify(req, server.id(), r -> {
            r.record(record);
            given.addAll(r.givenPorts());
        });
        if (!req.cloud().deleteServer(server.id())) {
            throw NovaRefusal.noInstance(server.id());
        }
        new ServerPorts(req).detachAll(server.id(), given);
        VolumeStore volumes = req.cloud().volumes();
        for (VolumeAttachment a : volumes.attachedTo(server.id(), req.now())) {
            if (a.deleteOnTermination()) {
                volumes.detachNow(a.volumeId(), req.now());
                volumes.delete(a.volumeId(), false, req.now());
            } else {
                volumes.detachLater(a.volumeId(), server.id(), req.now());
            }
        }
    }
}

package org.stackratings.sandbox.state.network;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stackratings.sandbox.state.CloudInventory;

/**
 * The Neutron database of one cloud: networks, subnets, ports, routers, floating IPs, security groups and their rules,
 * subnet pools, each kept as the JSON document Neutron answers with (the API layer shapes what a request may see).
 * Seeded with the networks of {@link CloudInventory} and the project's {@code default} security group. Callers that
 * read and then write hold the store's monitor ({@code synchronized (store)}) so a request sees a consistent store.
 */
public final class NetworkStore {

    private final Map<NeutronKind, Map<String, JsonObject>> documents = new EnumMap<>(NeutronKind.class);
    private final String adminProjectId;

    /** The store of a cloud whose member project is {@code projectId}. */
    public NetworkStore(CloudInventory inventory, String projectId) {
        for (NeutronKind kind : NeutronKind.values()) {
            documents.put(kind, new LinkedHashMap<>());
        }
        NetworkSeed seed = new NetworkSeed(inventory, projectId);
        this.adminProjectId = seed.adminProjectId();
        seed.documents().forEach((kind, docs) -> docs.forEach(doc -> putUnlocked(kind, doc)));
    }

    private void putUnlocked(NeutronKind kind, JsonObject doc) {
        documents.get(kind).put(doc.getString("id"), doc);
    }

    /** The project that owns the external network (the cloud operator's). */
    public String adminProjectId() {
        return adminProjectId;
    }

    /** Every document of a kind, oldest first. */
    public synchronized List<JsonObject> all(NeutronKind kind) {
        return new ArrayList<>(documents.get(kind).values());
    }

    public synchronized Optional<JsonObject> find(NeutronKind kind, String id) {
        return Optional.ofNullable(id == null ? null : documents.get(kind).get(id));
    }

    /** Adds or replaces a document (by its {@code id}). */
    public synchronized void put(NeutronKind kind, JsonObject doc) {
        putUnlocked(kind, doc);
    }

    public synchronized boolean remove(NeutronKind kind, String id) {
        return documents.get(kind).remove(id) != null;
    }

    /** How many documents of a kind a project owns (for its quota). */
    public synchronized int count(NeutronKind kind, String projectId) {
        return (int) documents.get(kind).values().stream()
                .filter(d -> projectId.equals(d.getString("project_id"))).count();
    }

    /** The addresses of a subnet held by ports, router gateways and floating IPs. */
    public synchronized Set<Long> usedAddresses(String subnetId) {
        Set<Long> used = new HashSet<>();
        for (JsonObject port : documents.get(NeutronKind.PORT).values()) {
            for (Object o : port.getJsonArray("fixed_ips", new JsonArray())) {
                JsonObject ip = (JsonObject) o;
                if (subnetId.equals(ip.getString("subnet_id"))) {
                    Ipv4Cidr.address(ip.getString("ip_address")).ifPresent(used::add);
                }
            }
        }
        return used;
    }
}

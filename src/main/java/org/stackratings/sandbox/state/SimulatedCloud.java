package org.stackratings.sandbox.state;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.Deviation;
import org.stackratings.sandbox.profile.OutageWindow;
import org.stackratings.sandbox.state.compute.ServerGroupStore;
import org.stackratings.sandbox.state.identity.IdentityState;
import org.stackratings.sandbox.state.image.ImageStore;
import org.stackratings.sandbox.state.network.NetworkStore;
import org.stackratings.sandbox.state.volume.VolumeStore;

/**
 * One running cloud: its profile, the tokens it issued, its resources, its servers, its request counts and the random
 * source that decides its latency, errors and server lifecycle. Replacing the profile keeps its {@link CloudResources}
 * (and the hostile answers still going, unless the hostile section changes: see {@link CloudRegistry#put}).
 */
public final class SimulatedCloud {

    private final CloudProfile profile;
    private final CloudResources resources;
    private final CloudInventory inventory;
    private final Random random;

    public SimulatedCloud(CloudProfile profile) {
        this(profile, Clock.systemUTC());
    }

    /** A new cloud whose servers follow {@code clock}. */
    public SimulatedCloud(CloudProfile profile, Clock clock) {
        this(profile, CloudResources.fresh(profile, clock));
    }

    private SimulatedCloud(CloudProfile profile, CloudResources resources) {
        this.profile = profile;
        this.resources = resources;
        this.inventory = new CloudInventory(profile.name());
        this.random = profile.seed() == null ? new Random() : new Random(profile.seed());
    }

    /** The same cloud (tokens, servers, counts, resources) with a new profile. */
    public SimulatedCloud reconfigured(CloudProfile newProfile) {
        return new SimulatedCloud(newProfile, resources.reconfigured(newProfile));
    }

    public CloudProfile profile() {
        return profile;
    }

    public String name() {
        return profile.name();
    }

    public TokenStore tokens() {
        return resources.tokens();
    }

    public CloudStats stats() {
        return resources.stats();
    }

    /** The hostile answers of this cloud still going (endless or trickling bodies, silent connections). */
    public HostileStreams hostileStreams() {
        return resources.hostileStreams();
    }

    /** The keypairs of the cloud's users (kept when the profile is replaced). */
    public KeypairStore keypairs() {
        return resources.keypairs();
    }

    /** Keystone's application and EC2 credentials of the cloud's users (kept when the profile is replaced). */
    public IdentityState identity() {
        return resources.identity();
    }

    /** The project's server groups (kept when the profile is replaced). */
    public ServerGroupStore serverGroups() {
        return resources.serverGroups();
    }

    /** Glance's images of the cloud, seeded from the inventory (kept when the profile is replaced). */
    public ImageStore images() {
        return resources.images();
    }

    /** The id of the cloud's admin project, which owns the seeded public images. */
    public static String adminProjectId(String cloud) {
        return CloudProfile.derivedId("project:" + cloud + ":admin");
    }

    /** The cloud's Neutron resources (kept when the profile is replaced). */
    public NetworkStore networks() {
        return resources.networks();
    }

    /** Cinder's volumes and snapshots of the cloud, seeded from the inventory (kept when the profile is replaced). */
    public VolumeStore volumes() {
        return resources.volumes();
    }

    public CloudInventory inventory() {
        return inventory;
    }

    /** The cloud's servers as they are now (deleted ones excluded), newest first. */
    public List<SimulatedServer> servers() {
        return resources.servers().list();
    }

    /** The store behind {@link #servers()}: create, find, delete and change servers. */
    public ServerStore serverStore() {
        return resources.servers();
    }

    /** Creates servers as the profile's lifecycle says (boot time and outcome drawn from this cloud's random). */
    public List<SimulatedServer> createServers(ServerSpec spec) {
        return resources.servers().create(spec, profile.lifecycle(), random);
    }

    /** Starts deleting a server (delete time and outcome drawn); false when it is unknown or gone. */
    public boolean deleteServer(String id) {
        return resources.servers().delete(id, profile.lifecycle(), random);
    }

    /** The first deviation of the profile that covers a request, if any. */
    public Optional<Deviation> deviation(String service, String method, String relativePath,
            MultiMap params, JsonObject body) {
        return profile.deviations().stream()
                .filter(d -> d.matches(service, method, relativePath, params, profile.project().id(), body))
                .findFirst();
    }

    /** Keystone's id of the cloud's domain: {@code default} for the domain named {@code Default}. */
    public String domainId() {
        return "Default".equals(profile.domain()) ? "default" : CloudProfile.derivedId("domain:" + profile.domain());
    }

    /** The first outage window active now for {@code service}. */
    public Optional<OutageWindow> activeOutage(String service, Instant now) {
        return profile.outages().stream().filter(o -> o.affects(service, now)).findFirst();
    }

    /** Whether this request should fail with the profile's error status. */
    public boolean drawError() {
        return profile.errorRate() > 0 && random.nextDouble() < profile.errorRate();
    }

    public double drawLatencyMs(String service) {
        return profile.latencyFor(service).sampleMs(random);
    }
}

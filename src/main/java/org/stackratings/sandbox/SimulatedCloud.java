package org.stackratings.sandbox;

import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/**
 * One running cloud: its profile, the tokens it issued, its resources, its request counts and the random source
 * that decides its latency and errors. Replacing the profile keeps tokens and counts.
 */
public final class SimulatedCloud {

    private final CloudProfile profile;
    private final TokenStore tokens;
    private final CloudStats stats;
    private final CloudInventory inventory;
    private final Random random;

    public SimulatedCloud(CloudProfile profile) {
        this(profile, new TokenStore(), new CloudStats());
    }

    private SimulatedCloud(CloudProfile profile, TokenStore tokens, CloudStats stats) {
        this.profile = profile;
        this.tokens = tokens;
        this.stats = stats;
        this.inventory = new CloudInventory(profile.name());
        this.random = profile.seed() == null ? new Random() : new Random(profile.seed());
    }

    /** The same cloud (tokens, counts) with a new profile. */
    public SimulatedCloud reconfigured(CloudProfile newProfile) {
        return new SimulatedCloud(newProfile, tokens, stats);
    }

    public CloudProfile profile() {
        return profile;
    }

    public String name() {
        return profile.name();
    }

    public TokenStore tokens() {
        return tokens;
    }

    public CloudStats stats() {
        return stats;
    }

    public CloudInventory inventory() {
        return inventory;
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

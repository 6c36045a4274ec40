package org.stackratings.sandbox.profile;

/**
 * How a cloud's servers live: how long a boot and a delete take (distributions in milliseconds), how often each
 * fails, and how many servers the project may hold.
 */
public record LifecycleProfile(LatencyProfile bootTime, double bootFailureRate, LatencyProfile deleteTime,
        double deleteFailureRate, int maxServers) {

    /**
     * Boots in 2 s, deletes in 1 s, never fails, 50 servers: room for a Tempest run beside the dev probes (Nova's own
     * default of 10 is not).
     */
    public static final LifecycleProfile DEFAULT = new LifecycleProfile(LatencyProfile.constant(2000), 0,
            LatencyProfile.constant(1000), 0, 50);

    public LifecycleProfile {
        bootTime = bootTime == null ? LatencyProfile.constant(2000) : bootTime;
        deleteTime = deleteTime == null ? LatencyProfile.constant(1000) : deleteTime;
        if (bootFailureRate < 0 || bootFailureRate > 1) {
            throw new IllegalArgumentException("bootFailureRate must be within 0..1");
        }
        if (deleteFailureRate < 0 || deleteFailureRate > 1) {
            throw new IllegalArgumentException("deleteFailureRate must be within 0..1");
        }
        if (maxServers < 0) {
            throw new IllegalArgumentException("maxServers must not be negative");
        }
    }

    public LifecycleProfile withBoot(LatencyProfile time, double failureRate) {
        return new LifecycleProfile(time, failureRate, deleteTime, deleteFailureRate, maxServers);
    }

    public LifecycleProfile withDelete(LatencyProfile time, double failureRate) {
        return new LifecycleProfile(bootTime, bootFailureRate, time, failureRate, maxServers);
    }

    public LifecycleProfile withMaxServers(int value) {
        return new LifecycleProfile(bootTime, bootFailureRate, deleteTime, deleteFailureRate, value);
    }
}

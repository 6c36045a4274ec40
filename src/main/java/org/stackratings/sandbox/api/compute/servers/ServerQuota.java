package org.stackratings.sandbox.api.compute.servers;

import org.stackratings.sandbox.api.compute.NovaRefusal;
import org.stackratings.sandbox.api.compute.quotas.ComputeQuotaLimits;
import org.stackratings.sandbox.api.compute.quotas.ComputeUsage;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.CloudInventory;
import org.stackratings.sandbox.state.ServerSpec;
import org.stackratings.sandbox.state.compute.ServerGroup;

/**
 * Nova's quota check of a create: how many of the requested servers fit in the project's instances, cores, RAM and
 * (for a server group) server group members; the 403 naming the first quota that not even {@code min_count} fit.
 */
record ServerQuota(ComputeQuotaLimits limits, ComputeUsage usage, ApiRequest req) {

    static ServerQuota of(ApiRequest req) {
        return new ServerQuota(ComputeQuotaLimits.of(req), ComputeUsage.of(req), req);
    }

    /** {@code spec} with {@code max_count} lowered to what fits; a {@link NovaRefusal} if {@code min_count} does not. */
    ServerSpec admit(ServerSpec spec) {
        CloudInventory.Flavor flavor = req.inventory().flavor(spec.flavorId()).orElseThrow();
        int fit = spec.maxCount();
        fit = within(spec, fit, "instances", 1, usage.instances(), limits.instances());
        fit = within(spec, fit, "cores", flavor.vcpus(), usage.cores(), limits.cores());
        fit = within(spec, fit, "ram", flavor.ramMb(), usage.ramMb(), limits.ramMb());
        if (spec.group() != null) {
            int members = req.cloud().serverGroups().find(spec.group(), id -> req.cloud().serverStore().find(id)
                    .isPresent()).map(ServerGroup::members).map(m -> m.size()).orElse(0);
            if (members + spec.minCount() > limits.serverGroupMembers()) {
                throw new NovaRefusal(403, "Quota exceeded, too many servers in group");
            }
            fit = Math.min(fit, limits.serverGroupMembers() - members);
        }
        return new ServerSpec(spec.name(), spec.flavorId(), spec.imageId(), spec.networkIds(), spec.metadata(),
                spec.keyName(), spec.accessIPv4(), spec.accessIPv6(), spec.securityGroups(), spec.minCount(), fit,
                spec.description(), spec.diskConfig(), spec.availabilityZone(), spec.group(), spec.userId());
    }

    private static int within(ServerSpec spec, int fit, String resource, int each, int used, int limit) {
        int room = each == 0 ? Integer.MAX_VALUE : (limit - used) / each;
        if (room < spec.minCount()) {
            throw new NovaRefusal(403, "Quota exceeded for " + resource + ": Requested " + each * spec.minCount()
                    + ", but already used " + used + " of " + limit + " " + resource);
        }
        return Math.min(fit, room);
    }
}

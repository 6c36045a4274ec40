package org.stackratings.sandbox.api.compute.quotas;

import java.util.List;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.CloudInventory;
import org.stackratings.sandbox.state.SimulatedServer;

/** What the project uses of its compute quotas: instances, cores and RAM of its servers not gone, server groups. */
public record ComputeUsage(int instances, int cores, int ramMb, int serverGroups) {

    public static ComputeUsage of(ApiRequest req) {
        int cores = 0;
        int ram = 0;
        List<SimulatedServer> servers = req.cloud().servers();
        for (SimulatedServer s : servers) {
            var flavor = req.inventory().flavor(s.flavorId());
            cores += flavor.map(CloudInventory.Flavor::vcpus).orElse(0);
            ram += flavor.map(CloudInventory.Flavor::ramMb).orElse(0);
        }
        return new ComputeUsage(servers.size(), cores, ram, req.cloud().serverGroups().count());
    }
}

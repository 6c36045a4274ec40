package org.stackratings.sandbox.api.compute.quotas;

import org.stackratings.sandbox.routing.ApiRequest;

/**
 * The compute quotas of the request's project: instances from the profile's lifecycle, the rest Nova's defaults
 * raised so that a Tempest run and the dev clouds' probes fit together.
 */
public record ComputeQuotaLimits(int instances, int cores, int ramMb, int keyPairs, int serverGroups,
        int serverGroupMembers, int metadataItems) {

    public static ComputeQuotaLimits of(ApiRequest req) {
        return new ComputeQuotaLimits(req.profile().lifecycle().maxServers(), 100, 204800, 100, 10, 10, 128);
    }
}

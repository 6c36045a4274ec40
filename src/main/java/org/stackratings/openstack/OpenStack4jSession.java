package org.stackratings.openstack;

import org.openstack4j.api.OSClient;
import org.openstack4j.api.exceptions.RegionEndpointNotFoundException;
import org.openstack4j.api.types.Facing;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.model.identity.URLResolverParams;
import org.openstack4j.openstack.identity.internal.DefaultEndpointURLResolver;

import java.util.List;
import java.util.function.Supplier;

/** A {@link CloudSession} over an authenticated openstack4j client (thread-bound). */
class OpenStack4jSession implements CloudSession {

    private final OSClient.OSClientV3 os;
    private final String region;

    OpenStack4jSession(OSClient.OSClientV3 os, String region) {
        this.os = os;
        this.region = region;
    }

    @Override
    public boolean offers(CloudService service) {
        URLResolverParams params = URLResolverParams.create(os.getToken(), type(service))
                .region(region).perspective(Facing.PUBLIC);
        try {
            return new DefaultEndpointURLResolver().findURLV3(params) != null;
        } catch (RegionEndpointNotFoundException e) {
            return false;
        }
    }

    @Override
    public int listFlavors() {
        return call("compute.flavors.list", () -> os.compute().flavors().list());
    }

    @Override
    public int listImages() {
        return call("image.images.list", () -> os.imagesV2().list());
    }

    @Override
    public int listNetworks() {
        return call("network.networks.list", () -> os.networking().network().list());
    }

    @Override
    public int listVolumes() {
        return call("volume.volumes.list", () -> os.blockStorage().volumes().list());
    }

    private int call(String operation, Supplier<List<?>> request) {
        try {
            List<?> items = request.get();
            if (items == null) {
                throw new CloudCallException(CloudFailure.MALFORMED_RESPONSE, null, "EmptyAnswer",
                        operation + ": the answer held no list", null);
            }
            return items.size();
        } catch (RuntimeException e) {
            throw FailureClassifier.classify(operation, e);
        }
    }

    private static ServiceType type(CloudService service) {
        return switch (service) {
            case IDENTITY -> ServiceType.IDENTITY;
            case COMPUTE -> ServiceType.COMPUTE;
            case IMAGE -> ServiceType.IMAGE;
            case NETWORK -> ServiceType.NETWORK;
            case VOLUME -> ServiceType.BLOCK_STORAGE;
        };
    }
}

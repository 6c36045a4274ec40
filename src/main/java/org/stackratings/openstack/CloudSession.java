package org.stackratings.openstack;

/**
 * An authenticated session with one cloud. Use it only on the thread that created it
 * (openstack4j keeps its session in a thread-local). Each call throws {@link CloudCallException} on failure.
 */
public interface CloudSession {

    /** Whether the token's catalog lists the service in the member's region. */
    boolean offers(CloudService service);

    /** Nova: GET /flavors/detail; returns how many flavors were listed. */
    int listFlavors();

    /** Glance v2: GET /v2/images. */
    int listImages();

    /** Neutron: GET /v2.0/networks. */
    int listNetworks();

    /** Cinder v3: GET /volumes/detail. */
    int listVolumes();
}

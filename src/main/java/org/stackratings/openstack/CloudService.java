package org.stackratings.openstack;

/** The OpenStack services the probes use, by their role rather than their catalog type. */
public enum CloudService {
    IDENTITY,
    COMPUTE,
    IMAGE,
    NETWORK,
    VOLUME
}

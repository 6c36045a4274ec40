package org.stackratings.openstack;

/** The agency's one door to OpenStack APIs. */
public interface CloudClient {

    /**
     * Authenticates with Keystone v3 (project scope) and returns a session bound to the calling thread.
     *
     * @throws CloudCallException when the cloud refuses, fails or does not answer in time
     */
    CloudSession authenticate(CloudAccount account, CallLimits limits);
}

package org.stackratings.sandbox.routing;

/** One OpenStack service's API, mounted by {@link SandboxRouter} under {@code /{cloud}/<service>}. */
public interface ServiceApi {

    /** The service whose path the API is mounted under. */
    OpenStackService service();

    /** Registers the API's routes. */
    void register(ServiceRoutes routes);
}

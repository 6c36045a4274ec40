package org.stackratings.compliance.conformance;

import org.stackratings.openstack.ApiCall;
import org.stackratings.openstack.CloudService;

/**
 * What a conformance run creates, in the order it is deleted (servers before their ports, attachments before their
 * volumes, snapshots before their volumes, router interfaces before routers and subnets, subnets before networks),
 * and the call that deletes one. A resource's id for a kind with a parent is {@code parent/id}.
 */
public enum ResourceKind {

    SERVER(CloudService.COMPUTE, true),
    VOLUME_ATTACHMENT(CloudService.COMPUTE, false),
    ROUTER_INTERFACE(CloudService.NETWORK, false),
    PORT(CloudService.NETWORK, false),
    ROUTER(CloudService.NETWORK, false),
    SUBNET(CloudService.NETWORK, false),
    NETWORK(CloudService.NETWORK, false),
    SUBNET_POOL(CloudService.NETWORK, false),
    SECURITY_GROUP(CloudService.NETWORK, false),
    SNAPSHOT(CloudService.VOLUME, true),
    VOLUME(CloudService.VOLUME, true),
    IMAGE(CloudService.IMAGE, false),
    KEYPAIR(CloudService.COMPUTE, false);

    private final CloudService service;
    private final boolean deletedAsynchronously;

    ResourceKind(CloudService service, boolean deletedAsynchronously) {
        this.service = service;
        this.deletedAsynchronously = deletedAsynchronously;
    }

    /** Whether a delete is only accepted at first, so that what depends on it waits until a GET answers 404. */
    boolean deletedAsynchronously() {
        return deletedAsynchronously;
    }

    /** The call that deletes the resource. */
    ApiCall delete(String id) {
        return switch (this) {
            case SERVER -> ApiCall.of(service, "DELETE", "/servers/" + id, null);
            case VOLUME_ATTACHMENT -> ApiCall.of(service, "DELETE", "/servers/" + parent(id) + "/os-volume_attachments/"
                    + child(id), null);
            case ROUTER_INTERFACE -> ApiCall.of(service, "PUT", "/v2.0/routers/" + parent(id) + "/remove_router_interface",
                    "{\"subnet_id\":\"" + child(id) + "\"}");
            case PORT -> ApiCall.of(service, "DELETE", "/v2.0/ports/" + id, null);
            case ROUTER -> ApiCall.of(service, "DELETE", "/v2.0/routers/" + id, null);
            case SUBNET -> ApiCall.of(service, "DELETE", "/v2.0/subnets/" + id, null);
            case NETWORK -> ApiCall.of(service, "DELETE", "/v2.0/networks/" + id, null);
            case SUBNET_POOL -> ApiCall.of(service, "DELETE", "/v2.0/subnetpools/" + id, null);
            case SECURITY_GROUP -> ApiCall.of(service, "DELETE", "/v2.0/security-groups/" + id, null);
            case SNAPSHOT -> ApiCall.of(service, "DELETE", "/snapshots/" + id, null);
            case VOLUME -> ApiCall.of(service, "DELETE", "/volumes/" + id, null);
            case IMAGE -> ApiCall.of(service, "DELETE", "/v2/images/" + id, null);
            case KEYPAIR -> ApiCall.of(service, "DELETE", "/os-keypairs/" + id, null);
        };
    }

    /** The call that shows whether an asynchronously deleted resource is gone yet (404). */
    ApiCall show(String id) {
        return switch (this) {
            case SERVER -> ApiCall.get(service, "/servers/" + id);
            case SNAPSHOT -> ApiCall.get(service, "/snapshots/" + id);
            case VOLUME -> ApiCall.get(service, "/volumes/" + id);
            default -> throw new IllegalStateException(this + " is deleted at once");
        };
    }

    /** The id of a resource of a kind with a parent ({@code parent/child}). */
    public static String id(String parent, String child) {
        return parent + "/" + child;
    }

    private static String parent(String id) {
        return id.substring(0, id.indexOf('/'));
    }

    private static String child(String id) {
        return id.substring(id.indexOf('/') + 1);
    }
}

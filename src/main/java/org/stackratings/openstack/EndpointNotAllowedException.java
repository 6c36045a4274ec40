package org.stackratings.openstack;

/** Raised before any request is sent to a catalog endpoint whose host is not allowed. */
class EndpointNotAllowedException extends RuntimeException {
    EndpointNotAllowedException(String message) {
        super(message);
    }
}

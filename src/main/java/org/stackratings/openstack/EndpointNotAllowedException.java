package org.stackratings.openstack;

/** Raised before any request is sent to a catalog endpoint whose host is not allowed. */
public class EndpointNotAllowedException extends RuntimeException {
    public EndpointNotAllowedException(String message) {
        super(message);
    }
}

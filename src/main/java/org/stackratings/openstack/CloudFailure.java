package org.stackratings.openstack;

/** Why a call to a cloud failed, in terms the probes turn into outcomes. */
public enum CloudFailure {
    /** Keystone refused the credentials (401) or the token (401/403). */
    UNAUTHORIZED,
    /** The cloud answered with an error status. */
    HTTP_ERROR,
    /** No answer within the connect or read timeout. */
    TIMEOUT,
    /** The connection could not be made or broke (refused, reset, unknown host, TLS failure). */
    CONNECTION_FAILED,
    /** The catalog points at a host that is not allowed for this member; nothing was sent there. */
    ENDPOINT_NOT_ALLOWED,
    /** The cloud answered something that is not a valid OpenStack answer. */
    MALFORMED_RESPONSE,
    /** The agency's own client failed; says nothing about the cloud. */
    AGENCY_FAULT
}

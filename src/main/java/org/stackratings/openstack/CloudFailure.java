package org.stackratings.openstack;

/** Why a call to a cloud failed, in terms the probes turn into outcomes. */
public enum CloudFailure {
    /** Keystone refused the credentials (401) or the token (401/403). */
    UNAUTHORIZED,
    /** The cloud answered with an error status. */
    HTTP_ERROR,
    /** No answer within the connect, read or call timeout, or before the run's deadline. */
    TIMEOUT,
    /** The connection could not be made or broke (refused, reset, unknown host, TLS failure). */
    CONNECTION_FAILED,
    /**
     * The call would have gone where the agency does not go: a host, port or scheme not allowed for this member, or a
     * host that resolves to a refused address. Nothing was sent there.
     */
    ENDPOINT_NOT_ALLOWED,
    /** The token's catalog lists no endpoint of the service the call needs; nothing was sent. */
    SERVICE_MISSING,
    /** The cloud answered with a redirect, which the agency does not follow. */
    REDIRECT_REFUSED,
    /** The answer's headers or body exceeded what the agency reads; it stopped reading. */
    ANSWER_TOO_LARGE,
    /** The cloud answered something that is not a valid OpenStack answer. */
    MALFORMED_RESPONSE,
    /** The agency's own client failed; says nothing about the cloud. */
    AGENCY_FAULT
}

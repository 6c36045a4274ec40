package org.stackratings.egress;

import java.net.UnknownHostException;

/**
 * A host resolved only to addresses the agency does not connect to. An {@link UnknownHostException}, so an HTTP client
 * that asked its DNS hook for the host fails as for a name that does not resolve, before any connection. The message
 * names the host and the kind of address, never the address itself: whoever controls the name must not learn what
 * names resolve to inside the agency's network.
 */
public final class RefusedAddressException extends UnknownHostException {

    private final AddressKind kind;

    RefusedAddressException(String host, AddressKind kind) {
        super(host + " resolves to a non-public address (" + kind.words() + "), which the agency does not connect to");
        this.kind = kind;
    }

    public AddressKind kind() {
        return kind;
    }
}

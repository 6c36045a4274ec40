package org.stackratings.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name (or an IP literal) to its addresses. The system's resolver unless a test or configuration says otherwise. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}

package org.stackratings.openstack.http;

import okhttp3.Dns;
import org.stackratings.egress.EgressRules;
import org.stackratings.egress.HostResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * OkHttp's DNS hook for member calls: the addresses a host resolves to, when the rules allow every one of them, so
 * OkHttp connects only to addresses vetted in the very lookup it connects with (a DNS answer that changes between a
 * check and the connection cannot lead it elsewhere). A record: clients with the same rules share pooled connections,
 * clients with other rules never do.
 */
record VettingDns(EgressRules rules, HostResolver resolver) implements Dns {

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        return rules.connectable(host, resolver);
    }
}

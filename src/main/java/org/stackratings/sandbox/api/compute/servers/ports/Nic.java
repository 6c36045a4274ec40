package org.stackratings.sandbox.api.compute.servers.ports;

/**
 * One NIC a server create (or an interface attach) asks for: a network ({@code uuid}, optionally at
 * {@code fixed_ip}) or an existing port; {@code networkId} is the port's network once it is validated.
 */
public record Nic(String networkId, String portId, String fixedIp) {

    /** The same NIC on {@code network} (a port's network, learnt when it is validated). */
    Nic on(String network) {
        return new Nic(network, portId, fixedIp);
    }
}

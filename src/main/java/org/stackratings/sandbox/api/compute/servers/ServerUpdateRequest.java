package org.stackratings.sandbox.api.compute.servers;

import io.netty.util.NetUtil;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.api.compute.ComputeApi;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.ServerRecord;

/**
 * The body of {@code PUT /servers/{id}}, validated: a new name (null: unchanged), the access addresses,
 * {@code OS-DCF:diskConfig} and, from 2.19, the description ({@code describes}: whether it is to be set).
 */
record ServerUpdateRequest(String name, String accessIPv4, String accessIPv6, String diskConfig, boolean describes,
        String description) {

    /** The request's {@code server}; a {@link org.stackratings.sandbox.api.compute.NovaRefusal} for the first field
     * Nova would refuse. */
    static ServerUpdateRequest parse(ApiRequest req) {
        JsonObject body = ServerFields.member(req, "server");
        String name = body.containsKey("name") ? ServerFields.name(body.getValue("name")) : null;
        String v4 = ServerFields.address(body.getValue("accessIPv4"), "accessIPv4", NetUtil::isValidIpV4Address);
        String v6 = ServerFields.address(body.getValue("accessIPv6"), "accessIPv6", ServerFields::isIpV6);
        String disk = ServerFields.diskConfig(body.getValue("OS-DCF:diskConfig"));
        boolean describes = ComputeApi.microversion(req).atLeast(2, 19) && body.containsKey("description");
        String description = describes ? ServerFields.description(body.getValue("description")) : null;
        return new ServerUpdateRequest(name, v4, v6, disk, describes, description);
    }

    /** Makes the change on a stored server. */
    void applyTo(ServerRecord server) {
        if (name != null) {
            server.name(name);
        }
        server.accessIPs(accessIPv4, accessIPv6);
        if (diskConfig != null) {
            server.diskConfig(diskConfig);
        }
        if (describes) {
            server.description(description);
        }
    }
}

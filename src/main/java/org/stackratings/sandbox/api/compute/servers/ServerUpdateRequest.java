package org.stackratings.sandbox.api.compute.servers;

import org.stackratings.sandbox.api.compute.NovaRefusal;
import io.netty.util.NetUtil;
import io.vertx.core.json.JsonObject;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.ServerRecord;

/** The body of {@code PUT /servers/{id}}, validated: a new name (null: unchanged) and the access addresses. */
record ServerUpdateRequest(String name, String accessIPv4, String accessIPv6) {

    /** The request's {@code server}; a {@link NovaRefusal} for the first field Nova would refuse. */
    static ServerUpdateRequest parse(ApiRequest req) {
        JsonObject body = ServerFields.member(req, "server");
        String name = body.containsKey("name") ? ServerFields.name(body.getValue("name")) : null;
        String v4 = ServerFields.address(body.getValue("accessIPv4"), "accessIPv4", NetUtil::isValidIpV4Address);
        String v6 = ServerFields.address(body.getValue("accessIPv6"), "accessIPv6", NetUtil::isValidIpV6Address);
        return new ServerUpdateRequest(name, v4, v6);
    }

    /** Makes the change on a stored server. */
    void applyTo(ServerRecord server) {
        if (name != null) {
            server.name(name);
        }
        server.accessIPs(accessIPv4, accessIPv6);
    }
}

package org.stackratings.openstack;

import java.util.List;
import java.util.Optional;

/**
 * An authenticated session with one cloud. It may be used from any thread, one call at a time (each call binds
 * openstack4j's thread-local session to the calling thread). Each call throws {@link CloudCallException} on failure.
 */
public interface CloudSession {

    /** Whether the token's catalog lists the service in the member's region. */
    boolean offers(CloudService service);

    /** The id of the project the token is scoped to. */
    String projectId();

    /** The id of the user the token was issued to. */
    String userId();

    /**
     * Keystone: POST /auth/tokens again with the account's credentials: a second token (to check create, validate
     * and revoke on a token that is not the session's own). HTTP errors are in its answer (no token then); transport
     * failures throw.
     */
    IssuedToken issueToken();

    /** Nova: GET /flavors/detail; returns how many flavors were listed. */
    int listFlavors();

    /** Glance v2: GET /v2/images. */
    int listImages();

    /** Neutron: GET /v2.0/networks. */
    int listNetworks();

    /** Cinder v3: GET /volumes/detail. */
    int listVolumes();

    /** The id of the flavor with this name or id, or of the smallest flavor (RAM, then vCPUs, then disk) when null. */
    String pickFlavor(String wanted);

    /** The id of the image with this name or id, or of the first active public image (cirros preferred) when null. */
    String pickImage(String wanted);

    /** The id of the network with this name or id, or of the first network that is not external when null (empty: none). */
    Optional<String> pickNetwork(String wanted);

    /** Nova: POST /servers; returns the new server's id once the request is accepted. */
    String createServer(ServerRequest request);

    /** Nova: GET /servers/{id}; empty when the server is gone (404). */
    Optional<ServerState> server(String id);

    /** Nova: DELETE /servers/{id}; returns once the request is accepted (or the server was already gone). */
    void deleteServer(String id);

    /** Nova: GET /servers/detail (the project's servers). */
    List<ServerState> listServers();

    /** A raw call, for checks that need the exact status and body. Transport failures throw; HTTP errors do not. */
    ApiAnswer call(ApiCall call);
}

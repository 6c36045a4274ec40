package org.stackratings.openstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient;
import org.openstack4j.api.exceptions.RegionEndpointNotFoundException;
import org.openstack4j.api.types.Facing;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.builder.ServerCreateBuilder;
import org.openstack4j.model.identity.URLResolverParams;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.model.network.Network;
import org.openstack4j.openstack.OSFactory;
import org.openstack4j.openstack.identity.internal.DefaultEndpointURLResolver;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.stackratings.openstack.http.BoundedClient;
import org.stackratings.openstack.http.BoundedResponse;
import org.stackratings.openstack.http.CallScope;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link CloudSession} over an openstack4j token. openstack4j keeps its session in a thread-local, so every call
 * first binds a client for the token to the calling thread ({@code OSFactory.clientFromToken}: no request is sent).
 */
class OpenStack4jSession implements CloudSession {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What a raw answer keeps of its body (what it reads is bounded by the session's body limit). */
    private static final int KEPT_BODY = 64 * 1024;
    /** Headers an answer never keeps: they carry tokens or session state. */
    private static final Set<String> HIDDEN_HEADERS = java.util.Set.of("x-subject-token", "set-cookie");
    /** What evidence keeps of a URL (the catalog's, so the member's choice). */
    private static final int MAX_URL = 500;

    private final Token token;
    private final Config config;
    private final String region;
    private final String authUrl;
    private final BoundedClient client;
    private final CloudAccount account;

    OpenStack4jSession(Token token, Config config, String region, String authUrl, BoundedClient client,
            CloudAccount account) {
        this.token = token;
        this.account = account;
        this.config = config;
        this.region = region;
        this.authUrl = authUrl;
        this.client = client;
    }

    private OSClient.OSClientV3 os() {
        OSClient.OSClientV3 os = OSFactory.clientFromToken(token, Facing.PUBLIC, config);
        os.useRegion(region);
        return os;
    }

    @Override
    public boolean offers(CloudService service) {
        return endpoint(service).isPresent();
    }

    @Override
    public String projectId() {
        return token.getProject() == null ? null : token.getProject().getId();
    }

    @Override
    public String userId() {
        return token.getUser() == null ? null : token.getUser().getId();
    }

    @Override
    public IssuedToken issueToken() {
        HttpUrl url = HttpUrl.parse(strip(authUrl) + "/auth/tokens");
        if (url == null) {
            throw new CloudCallException(CloudFailure.ENDPOINT_NOT_ALLOWED, null, "InvalidUrl",
                    "POST identity /auth/tokens: the auth URL is not an http(s) URL; nothing was sent", null);
        }
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json")
                .post(RequestBody.create(TokenRequest.body(account), JSON));
        long start = System.nanoTime();
        try (BoundedResponse response = client.send(request, true)) {
            String issued = response.header("X-Subject-Token");
            List<String> secrets = issued == null ? List.of(token.getId(), account.secret())
                    : List.of(token.getId(), account.secret(), issued);
            String body = response.text();
            ApiAnswer answer = answer(url.toString(), response, body, secrets, start);
            return new IssuedToken(issued, expiresAt(body), answer);
        } catch (IOException | RuntimeException e) {
            throw FailureClassifier.classify("POST identity /auth/tokens", e);
        }
    }

    /** {@code token.expires_at} of a Keystone token document, or null. */
    private static Instant expiresAt(String body) {
        try {
            String text = MAPPER.readTree(body).path("token")
                    .path("expires_at").asText(null);
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (IOException | DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public int listFlavors() {
        return call("compute.flavors.list", () -> os().compute().flavors().list()).size();
    }

    @Override
    public int listImages() {
        return call("image.images.list", () -> os().imagesV2().list()).size();
    }

    @Override
    public int listNetworks() {
        return call("network.networks.list", () -> os().networking().network().list()).size();
    }

    @Override
    public int listVolumes() {
        return call("volume.volumes.list", () -> os().blockStorage().volumes().list()).size();
    }

    @Override
    public String pickFlavor(String wanted) {
        List<? extends Flavor> flavors = call("compute.flavors.list", () -> os().compute().flavors().list());
        return flavors.stream()
                .filter(f -> wanted == null || wanted.equals(f.getId()) || wanted.equals(f.getName()))
                .min(Comparator.<Flavor>comparingInt(Flavor::getRam).thenComparingInt(Flavor::getVcpus).thenComparingInt(Flavor::getDisk))
                .map(Flavor::getId)
                .orElseThrow(() -> missing("compute.flavors.list", wanted == null ? "the cloud lists no flavor" : "no flavor named '" + wanted + "'"));
    }

    @Override
    public String pickImage(String wanted) {
        List<? extends Image> images = call("image.images.list", () -> os().imagesV2().list());
        return images.stream()
                .filter(i -> wanted == null ? i.getStatus() == Image.ImageStatus.ACTIVE
                        : wanted.equals(i.getId()) || wanted.equals(i.getName()))
                .min(Comparator.comparing((Image i) -> i.getName() == null || !i.getName().toLowerCase(Locale.ROOT).contains("cirros"))
                        .thenComparing(i -> i.getVisibility() != Image.ImageVisibility.PUBLIC))
                .map(Image::getId)
                .orElseThrow(() -> missing("image.images.list", wanted == null ? "the cloud lists no active image" : "no image named '" + wanted + "'"));
    }

    @Override
    public Optional<String> pickNetwork(String wanted) {
        if (wanted == null && !offers(CloudService.NETWORK)) {
            return Optional.empty();
        }
        List<? extends Network> networks = call("network.networks.list", () -> os().networking().network().list());
        Optional<String> id = networks.stream()
                .filter(n -> wanted == null ? !Boolean.TRUE.equals(n.isRouterExternal()) : wanted.equals(n.getId()) || wanted.equals(n.getName()))
                .map(Network::getId)
                .findFirst();
        if (wanted != null && id.isEmpty()) {
            throw missing("network.networks.list", "no network named '" + wanted + "'");
        }
        return id;
    }

    @Override
    public String createServer(ServerRequest request) {
        ServerCreateBuilder builder = Builders.server().name(request.name()).flavor(request.flavorId())
                .image(request.imageId()).addMetadata(request.metadata());
        if (request.networkId() != null) {
            builder.networks(List.of(request.networkId()));
        }
        Server server = call("compute.server.create", () -> os().compute().servers().boot(builder.build()));
        if (server == null || server.getId() == null) {
            throw new CloudCallException(CloudFailure.MALFORMED_RESPONSE, null, "NoServerId",
                    "compute.server.create: the answer carried no server id", null);
        }
        return server.getId();
    }

    @Override
    public Optional<ServerState> server(String id) {
        Server server = call("compute.server.get", () -> os().compute().servers().get(id));
        return Optional.ofNullable(server).map(this::state);
    }

    @Override
    public void deleteServer(String id) {
        ActionResponse response = call("compute.server.delete", () -> os().compute().servers().delete(id));
        if (response != null && !response.isSuccess() && response.getCode() != 404) {
            throw new CloudCallException(response.getCode() >= 400 ? CloudFailure.HTTP_ERROR : CloudFailure.MALFORMED_RESPONSE,
                    response.getCode(), "DeleteRefused", "compute.server.delete: HTTP " + response.getCode() + " " + response.getFault(), null);
        }
    }

    @Override
    public List<ServerState> listServers() {
        List<? extends Server> servers = call("compute.servers.list", () -> os().compute().servers().list(true));
        return servers.stream().map(this::state).toList();
    }

    @Override
    public ApiAnswer call(ApiCall call) {
        String base = call.service() == CloudService.IDENTITY ? authUrl
                : endpoint(call.service()).orElseThrow(() -> new CloudCallException(CloudFailure.SERVICE_MISSING, null,
                "ServiceMissing", call.describe() + ": the catalog lists no " + call.service() + " endpoint", null));
        String url = call.root() ? root(base) : strip(base) + call.path();
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new CloudCallException(CloudFailure.ENDPOINT_NOT_ALLOWED, null, "InvalidUrl",
                    call.describe() + ": the endpoint is not an http(s) URL; nothing was sent", null);
        }
        MediaType type = call.contentType() == null ? JSON : MediaType.parse(call.contentType());
        Request.Builder request = new Request.Builder().url(parsed)
                .header("X-Auth-Token", token.getId()).header("Accept", "application/json")
                .method(call.method(), call.body() == null ? (requiresBody(call.method()) ? RequestBody.create(new byte[0], null) : null)
                        : RequestBody.create(call.body(), type));
        call.headers().forEach(request::header);
        if (call.subjectIsOwnToken()) {
            request.header("X-Subject-Token", token.getId());
        } else if (call.subject() != null && call.subject().value() != null) {
            request.header("X-Subject-Token", call.subject().value());
        }
        List<String> secrets = call.subject() == null || call.subject().value() == null ? List.of(token.getId())
                : List.of(token.getId(), call.subject().value());
        long start = System.nanoTime();
        try (BoundedResponse response = client.send(request, true)) {
            return answer(url, response, response.text(), secrets, start);
        } catch (IOException | RuntimeException e) {
            throw FailureClassifier.classify(call.describe(), e);
        }
    }

    /** The answer as evidence may hold it: URL and body cut to size, secrets out of the excerpt and headers. */
    private static ApiAnswer answer(String url, BoundedResponse response, String body, List<String> secrets,
            long startNanos) {
        String kept = body.length() > KEPT_BODY ? body.substring(0, KEPT_BODY) : body;
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().names().forEach(name -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HIDDEN_HEADERS.contains(lower)) {
                headers.put(lower, response.header(name));
            }
        });
        return new ApiAnswer(url.length() > MAX_URL ? url.substring(0, MAX_URL) + "…" : url, response.status(), kept,
                BodyExcerpt.of(body, secrets), (System.nanoTime() - startNanos) / 1_000_000.0, headers);
    }

    private static boolean requiresBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private Optional<String> endpoint(CloudService service) {
        URLResolverParams params = URLResolverParams.create(token, type(service)).region(region).perspective(Facing.PUBLIC);
        try {
            return Optional.ofNullable(new DefaultEndpointURLResolver().findURLV3(params));
        } catch (RegionEndpointNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The unversioned root of an endpoint: {@code http://h/compute/v2.1/abc} → {@code http://h/compute/}. */
    static String root(String endpoint) {
        String url = strip(endpoint);
        String[] versioned = url.split("/(v\\d+(\\.\\d+)?)(/|$)", 2);
        return versioned[0] + "/";
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private <T> T call(String operation, Supplier<T> request) {
        try {
            return CallScope.with(client, request);
        } catch (RuntimeException e) {
            throw FailureClassifier.classify(operation, e);
        }
    }

    private static CloudCallException missing(String operation, String what) {
        return new CloudCallException(CloudFailure.MALFORMED_RESPONSE, null, "NotFound", operation + ": " + what, null);
    }

    private ServerState state(Server s) {
        return new ServerState(s.getId(), s.getName(), s.getStatus() == null ? null : s.getStatus().name(),
                s.getFault() == null ? null : BodyExcerpt.of(s.getFault().getMessage(), List.of(token.getId())),
                s.getMetadata() == null ? Map.of() : Map.copyOf(s.getMetadata()),
                s.getCreated() == null ? null : Instant.ofEpochMilli(s.getCreated().getTime()));
    }

    private static ServiceType type(CloudService service) {
        return switch (service) {
            case IDENTITY -> ServiceType.IDENTITY;
            case COMPUTE -> ServiceType.COMPUTE;
            case IMAGE -> ServiceType.IMAGE;
            case NETWORK -> ServiceType.NETWORK;
            case VOLUME -> ServiceType.BLOCK_STORAGE;
        };
    }
}

package org.stackratings.sandbox.api;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.routing.ServiceRoutes;
import org.stackratings.sandbox.state.CloudInventory;
import org.stackratings.sandbox.state.ServerSpec;
import org.stackratings.sandbox.state.ServerStore;
import org.stackratings.sandbox.state.SimulatedServer;

/**
 * Nova's servers under {@code /v2.1} (or {@code /v2.1/{project_id}}): create, show, list (filters and paging), update,
 * delete, metadata and the {@code os-stop}, {@code os-start} and {@code reboot} actions. Validation and status codes
 * follow Nova, negative cases included (they are what compliance tests check).
 */
public final class ServerApi {

    private static final int MAX_METADATA_ITEMS = 128;
    private static final Set<String> STATUSES = Set.of("ACTIVE", "BUILD", "DELETED", "ERROR", "HARD_REBOOT",
            "MIGRATING", "PASSWORD", "PAUSED", "REBOOT", "REBUILD", "RESCUE", "RESIZE", "REVERT_RESIZE", "SHELVED",
            "SHELVED_OFFLOADED", "SHUTOFF", "SOFT_DELETED", "SUSPENDED", "UNKNOWN", "VERIFY_RESIZE");
    private static final Pattern UUID_FORMAT = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    private static final DateTimeFormatter USAGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    /** A request Nova refuses: the status and message of its error body. */
    private static final class Refusal extends RuntimeException {
        private final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private interface Handler {
        void handle(ApiRequest req);
    }

    public void register(ServiceRoutes routes, String prefix) {
        String servers = prefix + "/servers";
        String server = servers + "/:server_id";
        routes.get(servers, guarded(req -> list(req, false)));
        routes.get(servers + "/detail", guarded(req -> list(req, true)));
        routes.route(HttpMethod.POST, servers, true, guarded(this::create));
        routes.get(server, guarded(this::show));
        routes.route(HttpMethod.PUT, server, true, guarded(this::update));
        routes.route(HttpMethod.DELETE, server, true, guarded(this::delete));
        routes.get(server + "/metadata", guarded(this::listMetadata));
        routes.route(HttpMethod.PUT, server + "/metadata", true, guarded(req -> setMetadata(req, true)));
        routes.route(HttpMethod.POST, server + "/metadata", true, guarded(req -> setMetadata(req, false)));
        routes.get(server + "/metadata/:key", guarded(this::metadataItem));
        routes.route(HttpMethod.PUT, server + "/metadata/:key", true, guarded(this::setMetadataItem));
        routes.route(HttpMethod.DELETE, server + "/metadata/:key", true, guarded(this::deleteMetadataItem));
        routes.route(HttpMethod.POST, server + "/action", true, guarded(this::action));
    }

    private static io.vertx.core.Handler<ApiRequest> guarded(Handler handler) {
        return req -> {
            try {
                handler.handle(req);
            } catch (Refusal r) {
                req.fail(r.status, r.getMessage());
            }
        };
    }

    // ---- create

    private void create(ApiRequest req) {
        JsonObject server = object(req.jsonBody() == null ? null : req.jsonBody().getValue("server"), "server");
        Microversion mv = ComputeApi.microversion(req);
        String name = name(server.getValue("name"));
        CloudInventory inventory = req.inventory();
        String flavorId = reference(server.getValue("flavorRef"), "flavorRef");
        String imageId = reference(server.getValue("imageRef"), "imageRef");
        Map<String, String> metadata = metadataOf(server.getValue("metadata"));
        String accessIPv4 = address(server.getValue("accessIPv4"), "accessIPv4", NetUtil::isValidIpV4Address);
        String accessIPv6 = address(server.getValue("accessIPv6"), "accessIPv6", NetUtil::isValidIpV6Address);
        Object keyName = server.getValue("key_name");
        if (keyName != null && !(keyName instanceof String k && !k.isEmpty() && k.length() <= 255)) {
            throw invalid("key_name", keyName);
        }
        int minCount = count(server.getValue("min_count"), "min_count");
        int maxCount = count(server.getValue("max_count"), "max_count");
        if (server.getValue("max_count") == null) {
            maxCount = minCount;
        }
        if (minCount > maxCount) {
            throw new Refusal(400, "min_count must be <= max_count");
        }
        List<String> securityGroups = securityGroups(server.getValue("security_groups"));
        List<String> networks = networks(server.getValue("networks"), mv, inventory);
        if (inventory.flavor(flavorId).isEmpty()) {
            throw new Refusal(400, "Flavor " + flavorId + " could not be found.");
        }
        if (inventory.image(imageId).isEmpty()) {
            throw new Refusal(400, "Can not find requested image");
        }
        ServerSpec spec = new ServerSpec(name, flavorId, imageId, networks, metadata, (String) keyName, accessIPv4,
                accessIPv6, securityGroups, minCount, maxCount);
        List<SimulatedServer> created = req.cloud().createServers(spec);
        if (created.isEmpty()) {
            int max = req.profile().lifecycle().maxServers();
            throw new Refusal(403, "Quota exceeded for instances: Requested " + minCount + ", but already used "
                    + req.cloud().serverStore().count() + " of " + max + " instances");
        }
        SimulatedServer first = created.get(0);
        if (Boolean.TRUE.equals(server.getValue("return_reservation_id"))) {
            req.reply(202, new JsonObject().put("reservation_id", "r-" + first.id().substring(0, 8)));
            return;
        }
        JsonArray links = links(req, first.id());
        req.putHeader("Location", links.getJsonObject(0).getString("href"));
        JsonArray groups = new JsonArray();
        securityGroups.forEach(g -> groups.add(new JsonObject().put("name", g)));
        req.reply(202, new JsonObject().put("server", new JsonObject()
                .put("id", first.id())
                .put("links", links)
                .put("OS-DCF:diskConfig", "MANUAL")
                .put("security_groups", groups)
                .put("adminPass", first.adminPass())));
    }

    private static Refusal invalid(String field, Object value) {
        return new Refusal(400, "Invalid input for field/attribute " + field + ". Value: " + value + ".");
    }

    private static JsonObject object(Object value, String field) {
        if (!(value instanceof JsonObject o)) {
            throw new Refusal(400, value == null ? "'" + field + "' is a required property"
                    : "Invalid input for field/attribute " + field + ". Value: " + value + ". "
                            + value + " is not of type 'object'");
        }
        return o;
    }

    private static String name(Object value) {
        if (value == null) {
            throw new Refusal(400, "Invalid input for field/attribute server. Value: None. "
                    + "'name' is a required property");
        }
        if (!(value instanceof String name) || name.isEmpty() || name.length() > 255
                || !name.strip().equals(name)) {
            throw invalid("name", value);
        }
        return name;
    }

    /** An id, or the last segment of a link to it (Nova accepts both for flavorRef and imageRef). */
    private static String reference(Object value, String field) {
        if (value instanceof Number n) {
            return String.valueOf(n);
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw value == null ? new Refusal(400, "'" + field + "' is a required property") : invalid(field, value);
        }
        String trimmed = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static Map<String, String> metadataOf(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof JsonObject json)) {
            throw invalid("metadata", value);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : json) {
            if (e.getKey().isEmpty() || e.getKey().length() > 255 || !(e.getValue() instanceof String v)
                    || v.length() > 255) {
                throw new Refusal(400, "Invalid input for field/attribute metadata. Value: " + json.encode()
                        + ". Keys and values must be texts of at most 255 characters.");
            }
            result.put(e.getKey(), v);
        }
        if (result.size() > MAX_METADATA_ITEMS) {
            throw new Refusal(403, "Quota exceeded for metadata_items: Requested " + result.size()
                    + ", but the limit is " + MAX_METADATA_ITEMS + ".");
        }
        return result;
    }

    private static String address(Object value, String field, Predicate<String> valid) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || !(s.isEmpty() || valid.test(s))) {
            throw invalid(field, value);
        }
        return s;
    }

    private static int count(Object value, String field) {
        if (value == null) {
            return 1;
        }
        if (!(value instanceof Integer i) || i < 1) {
            throw invalid(field, value);
        }
        return i;
    }

    private static List<String> securityGroups(Object value) {
        if (value == null) {
            return List.of("default");
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid("security_groups", value);
        }
        List<String> names = new ArrayList<>();
        for (Object g : array) {
            if (!(g instanceof JsonObject o) || !(o.getValue("name") instanceof String n) || n.isEmpty()) {
                throw invalid("security_groups", value);
            }
            names.add(n);
        }
        return names;
    }

    /** The networks the server gets: {@code networks} as a list of {@code {uuid}}, or "auto"/"none" (2.37+). */
    private static List<String> networks(Object value, Microversion mv, CloudInventory inventory) {
        String privateNet = inventory.networks().stream().filter(n -> !n.external()).findFirst()
                .map(CloudInventory.Network::id).orElseThrow();
        boolean v237 = mv.atLeast(2, 37);
        if (value == null) {
            if (v237) {
                throw new Refusal(400, "Invalid input for field/attribute server. 'networks' is a required property");
            }
            return List.of(privateNet);
        }
        if (value instanceof String s) {
            if (!v237 || !("auto".equals(s) || "none".equals(s))) {
                throw invalid("networks", value);
            }
            return "auto".equals(s) ? List.of(privateNet) : List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid("networks", value);
        }
        List<String> ids = new ArrayList<>();
        for (Object item : array) {
            if (!(item instanceof JsonObject net)) {
                throw invalid("networks", value);
            }
            if (net.getValue("port") != null) {
                throw new Refusal(400, "Port " + net.getValue("port") + " could not be found.");
            }
            if (!(net.getValue("uuid") instanceof String uuid)) {
                throw new Refusal(400, "Bad networks format: network uuid is not in proper format ("
                        + net.getValue("uuid") + ")");
            }
            if (!UUID_FORMAT.matcher(uuid).matches()) {
                throw new Refusal(400, "Bad networks format: network uuid is not in proper format (" + uuid + ")");
            }
            if (inventory.network(uuid).isEmpty()) {
                throw new Refusal(400, "Network " + uuid + " could not be found.");
            }
            Object fixedIp = net.getValue("fixed_ip");
            if (fixedIp != null && !(fixedIp instanceof String ip && NetUtil.isValidIpV4Address(ip))) {
                throw invalid("fixed_ip", fixedIp);
            }
            ids.add(uuid);
        }
        return ids;
    }

    // ---- show, list

    private static SimulatedServer existing(ApiRequest req) {
        String id = req.param("server_id");
        return req.cloud().serverStore().find(id)
                .orElseThrow(() -> new Refusal(404, "Instance " + id + " could not be found."));
    }

    private void show(ApiRequest req) {
        req.ok(new JsonObject().put("server", serverJson(req, existing(req))));
    }

    private void list(ApiRequest req, boolean detail) {
        Microversion mv = ComputeApi.microversion(req);
        List<SimulatedServer> servers = new ArrayList<>(req.cloud().servers());
        String name = req.query("name");
        if (name != null) {
            Predicate<String> matcher = nameMatcher(name);
            servers.removeIf(s -> !matcher.test(s.name()));
        }
        String status = req.query("status");
        if (status != null) {
            String wanted = status.toUpperCase(Locale.ROOT);
            if (!STATUSES.contains(wanted) && mv.atLeast(2, 38)) {
                throw new Refusal(400, "Invalid status value");
            }
            servers.removeIf(s -> !s.status().equals(wanted));
        }
        filterByTime(req, servers, "changes-since", true);
        if (mv.atLeast(2, 66)) {
            filterByTime(req, servers, "changes-before", false);
        }
        if (req.query("flavor") != null) {
            servers.removeIf(s -> !s.flavorId().equals(req.query("flavor")));
        }
        if (req.query("image") != null) {
            servers.removeIf(s -> !s.imageId().equals(req.query("image")));
        }
        String marker = req.query("marker");
        if (marker != null) {
            int at = indexOf(servers, marker);
            if (at < 0) {
                throw new Refusal(400, "marker [" + marker + "] not found");
            }
            servers = new ArrayList<>(servers.subList(at + 1, servers.size()));
        }
        Integer limit = limit(req.query("limit"));
        JsonObject body = new JsonObject();
        if (limit != null && servers.size() > limit) {
            servers = servers.subList(0, limit);
            if (limit > 0) {
                String next = req.serviceBase() + "/v2.1/servers" + (detail ? "/detail" : "") + "?limit=" + limit
                        + "&marker=" + servers.get(limit - 1).id();
                body.put("servers_links", new JsonArray().add(new JsonObject().put("rel", "next")
                        .put("href", next)));
            }
        }
        JsonArray list = new JsonArray();
        for (SimulatedServer s : servers) {
            list.add(detail ? serverJson(req, s) : new JsonObject().put("id", s.id()).put("name", s.name())
                    .put("links", links(req, s.id())));
        }
        req.ok(body.put("servers", list));
    }

    private static int indexOf(List<SimulatedServer> servers, String id) {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Nova matches {@code name} as a regular expression anywhere in the name. */
    private static Predicate<String> nameMatcher(String name) {
        try {
            Pattern pattern = Pattern.compile(name);
            return n -> pattern.matcher(n).find();
        } catch (PatternSyntaxException e) {
            return n -> n.contains(name);
        }
    }

    private static Integer limit(String value) {
        if (value == null) {
            return null;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Refusal(400, "limit param must be an integer");
        }
        if (limit < 0) {
            throw new Refusal(400, "limit param must be positive");
        }
        return limit;
    }

    private static void filterByTime(ApiRequest req, List<SimulatedServer> servers, String param, boolean since) {
        String value = req.query(param);
        if (value == null) {
            return;
        }
        Instant t = instant(value).orElseThrow(() -> new Refusal(400,
                "Invalid input for query parameters " + param + ". Value: " + value + ". '" + value
                        + "' is not a 'date-time'"));
        servers.removeIf(s -> since ? s.updated().isBefore(t) : s.updated().isAfter(t));
    }

    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException withoutZone) {
            try {
                return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    private static JsonArray links(ApiRequest req, String id) {
        String base = req.serviceBase();
        return new JsonArray()
                .add(new JsonObject().put("rel", "self").put("href", base + "/v2.1/servers/" + id))
                .add(new JsonObject().put("rel", "bookmark").put("href", base + "/servers/" + id));
    }

    private static String timestamp(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String fixedIp(String serverId, CloudInventory.Network network) {
        int host = 2 + Math.floorMod(serverId.hashCode(), 60);
        return network.external() ? "172.24.4." + host : "10.0.0." + host;
    }

    private static String mac(String serverId) {
        String hex = UUID.nameUUIDFromBytes(serverId.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return "fa:16:3e:" + hex.substring(0, 2) + ":" + hex.substring(2, 4) + ":" + hex.substring(4, 6);
    }

    static JsonObject serverJson(ApiRequest req, SimulatedServer s) {
        Microversion mv = ComputeApi.microversion(req);
        CloudInventory inventory = req.inventory();
        boolean building = "BUILD".equals(s.status());
        JsonObject addresses = new JsonObject();
        if (!building) {
            for (String networkId : s.networkIds()) {
                inventory.network(networkId).ifPresent(n -> addresses.put(n.name(), new JsonArray()
                        .add(new JsonObject().put("version", 4).put("addr", fixedIp(s.id(), n))
                                .put("OS-EXT-IPS:type", "fixed").put("OS-EXT-IPS-MAC:mac_addr", mac(s.id())))));
            }
        }
        JsonObject image = new JsonObject().put("id", s.imageId()).put("links", new JsonArray().add(new JsonObject()
                .put("rel", "bookmark").put("href", req.serviceBase() + "/images/" + s.imageId())));
        JsonObject flavor = flavorJson(req, mv, s.flavorId());
        JsonArray groups = new JsonArray();
        s.securityGroups().forEach(g -> groups.add(new JsonObject().put("name", g)));
        int powerState = switch (s.vmState()) {
            case "active" -> 1;
            case "stopped" -> 4;
            default -> 0;
        };
        JsonObject json = new JsonObject()
                .put("id", s.id())
                .put("name", s.name())
                .put("status", s.status())
                .put("tenant_id", req.profile().project().id())
                .put("user_id", req.profile().users().isEmpty() ? null : req.profile().users().get(0).id())
                .put("metadata", new JsonObject(new LinkedHashMap<>(s.metadata())))
                .put("hostId", building ? "" : CloudProfile.derivedId("host:" + req.cloud().name()))
                .put("image", image)
                .put("flavor", flavor)
                .put("created", timestamp(s.created()))
                .put("updated", timestamp(s.updated()))
                .put("addresses", addresses)
                .put("accessIPv4", s.accessIPv4() == null ? "" : s.accessIPv4())
                .put("accessIPv6", s.accessIPv6() == null ? "" : s.accessIPv6())
                .put("links", links(req, s.id()))
                .put("OS-DCF:diskConfig", "MANUAL")
                .put("progress", 0)
                .put("OS-EXT-AZ:availability_zone", building ? "" : "nova")
                .put("config_drive", "")
                .put("key_name", s.keyName())
                .put("OS-SRV-USG:launched_at", building || "ERROR".equals(s.status()) && s.fault() != null
                        && s.fault().message().equals(ServerStore.NO_VALID_HOST) ? null
                        : USAGE_TIME.format(s.created()))
                .putNull("OS-SRV-USG:terminated_at")
                .put("OS-EXT-STS:task_state", s.taskState())
                .put("OS-EXT-STS:vm_state", s.vmState())
                .put("OS-EXT-STS:power_state", powerState)
                .put("os-extended-volumes:volumes_attached", new JsonArray())
                .put("security_groups", groups);
        if (s.fault() != null) {
            json.put("fault", new JsonObject().put("code", s.fault().code()).put("message", s.fault().message())
                    .put("created", timestamp(s.fault().created())));
        }
        if (mv.atLeast(2, 9)) {
            json.put("locked", false);
        }
        if (mv.atLeast(2, 19)) {
            json.putNull("description");
        }
        if (mv.atLeast(2, 26)) {
            json.put("tags", new JsonArray());
        }
        if (mv.atLeast(2, 63)) {
            json.putNull("trusted_image_certificates");
        }
        if (mv.atLeast(2, 73)) {
            json.putNull("locked_reason");
        }
        return json;
    }

    /** The flavor of a server: a link before 2.47, the flavor's values from 2.47 on. */
    private static JsonObject flavorJson(ApiRequest req, Microversion mv, String flavorId) {
        Optional<CloudInventory.Flavor> flavor = req.inventory().flavor(flavorId);
        if (!mv.atLeast(2, 47) || flavor.isEmpty()) {
            return new JsonObject().put("id", flavorId).put("links", new JsonArray().add(new JsonObject()
                    .put("rel", "bookmark").put("href", req.serviceBase() + "/flavors/" + flavorId)));
        }
        CloudInventory.Flavor f = flavor.get();
        return new JsonObject().put("vcpus", f.vcpus()).put("ram", f.ramMb()).put("disk", f.diskGb())
                .put("ephemeral", 0).put("swap", 0).put("original_name", f.name())
                .put("extra_specs", new JsonObject());
    }

    // ---- update, delete

    private void update(ApiRequest req) {
        JsonObject body = object(req.jsonBody() == null ? null : req.jsonBody().getValue("server"), "server");
        String name = body.containsKey("name") ? name(body.getValue("name")) : null;
        String v4 = address(body.getValue("accessIPv4"), "accessIPv4", NetUtil::isValidIpV4Address);
        String v6 = address(body.getValue("accessIPv6"), "accessIPv6", NetUtil::isValidIpV6Address);
        String id = req.param("server_id");
        SimulatedServer updated = req.cloud().serverStore().modify(id, e -> {
            if (name != null) {
                e.name(name);
            }
            e.accessIPs(v4, v6);
        }).orElseThrow(() -> new Refusal(404, "Instance " + id + " could not be found."));
        req.ok(new JsonObject().put("server", serverJson(req, updated)));
    }

    private void delete(ApiRequest req) {
        String id = req.param("server_id");
        if (!req.cloud().deleteServer(id)) {
            throw new Refusal(404, "Instance " + id + " could not be found.");
        }
        req.reply(204, null);
    }

    // ---- metadata

    private void listMetadata(ApiRequest req) {
        req.ok(new JsonObject().put("metadata", new JsonObject(new LinkedHashMap<>(existing(req).metadata()))));
    }

    private void setMetadata(ApiRequest req, boolean replace) {
        JsonObject body = req.jsonBody();
        Map<String, String> items = metadataOf(object(body == null ? null : body.getValue("metadata"), "metadata"));
        SimulatedServer server = existing(req);
        Map<String, String> merged = new LinkedHashMap<>(replace ? Map.of() : server.metadata());
        merged.putAll(items);
        if (merged.size() > MAX_METADATA_ITEMS) {
            throw new Refusal(403, "Quota exceeded for metadata_items: Requested " + merged.size()
                    + ", but the limit is " + MAX_METADATA_ITEMS + ".");
        }
        SimulatedServer changed = modifyMetadata(req, server.id(), m -> {
            m.clear();
            m.putAll(merged);
        });
        req.ok(new JsonObject().put("metadata", new JsonObject(new LinkedHashMap<>(changed.metadata()))));
    }

    private static SimulatedServer modifyMetadata(ApiRequest req, String id,
            Consumer<Map<String, String>> change) {
        return req.cloud().serverStore().modify(id, e -> change.accept(e.metadata()))
                .orElseThrow(() -> new Refusal(404, "Instance " + id + " could not be found."));
    }

    private void metadataItem(ApiRequest req) {
        String key = req.param("key");
        String value = existing(req).metadata().get(key);
        if (value == null) {
            throw new Refusal(404, "Metadata item was not found");
        }
        req.ok(new JsonObject().put("meta", new JsonObject().put(key, value)));
    }

    private void setMetadataItem(ApiRequest req) {
        String key = req.param("key");
        JsonObject body = req.jsonBody();
        JsonObject meta = object(body == null ? null : body.getValue("meta"), "meta");
        if (meta.size() > 1) {
            throw new Refusal(400, "Request body contains too many items");
        }
        if (!meta.containsKey(key)) {
            throw new Refusal(400, "Request body and URI mismatch");
        }
        Map<String, String> item = metadataOf(meta);
        SimulatedServer server = existing(req);
        if (!server.metadata().containsKey(key) && server.metadata().size() >= MAX_METADATA_ITEMS) {
            throw new Refusal(403, "Quota exceeded for metadata_items: the limit is " + MAX_METADATA_ITEMS + ".");
        }
        modifyMetadata(req, server.id(), m -> m.putAll(item));
        req.ok(new JsonObject().put("meta", new JsonObject().put(key, item.get(key))));
    }

    private void deleteMetadataItem(ApiRequest req) {
        String key = req.param("key");
        SimulatedServer server = existing(req);
        if (!server.metadata().containsKey(key)) {
            throw new Refusal(404, "Metadata item was not found");
        }
        modifyMetadata(req, server.id(), m -> m.remove(key));
        req.reply(204, null);
    }

    // ---- actions

    private void action(ApiRequest req) {
        JsonObject body = req.jsonBody();
        if (body == null || body.size() != 1) {
            throw new Refusal(400, "Malformed request body");
        }
        String action = body.fieldNames().iterator().next();
        SimulatedServer server = existing(req);
        switch (action) {
            case "os-stop" -> {
                requireState(server, "stop", "active", "error");
                changePower(req, server, true);
            }
            case "os-start" -> {
                requireState(server, "start", "stopped");
                changePower(req, server, false);
            }
            case "reboot" -> {
                Object type = body.getValue("reboot") instanceof JsonObject r ? r.getValue("type") : null;
                if (!"SOFT".equals(type) && !"HARD".equals(type)) {
                    throw invalid("type", type);
                }
                if ("SOFT".equals(type)) {
                    requireState(server, "reboot", "active", "stopped");
                } else {
                    requireState(server, "reboot", "active", "stopped", "error");
                }
                changePower(req, server, false);
            }
            default -> throw new Refusal(400, "There is no such action: " + action);
        }
    }

    private static void requireState(SimulatedServer server, String what, String... vmStates) {
        boolean ok = server.taskState() == null && List.of(vmStates).contains(server.vmState());
        if (!ok) {
            throw new Refusal(409, "Cannot '" + what + "' instance " + server.id() + " while it is in "
                    + (server.taskState() != null ? "task_state " + server.taskState()
                            : "vm_state " + server.vmState()));
        }
    }

    private static void changePower(ApiRequest req, SimulatedServer server, boolean stopped) {
        req.cloud().serverStore().modify(server.id(), e -> e.stopped(stopped))
                .orElseThrow(() -> new Refusal(404, "Instance " + server.id() + " could not be found."));
        req.reply(202, null);
    }
}

package org.stackratings.sandbox.api.network.l2;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.stackratings.sandbox.api.network.Attributes;
import org.stackratings.sandbox.api.network.NeutronError;
import org.stackratings.sandbox.api.network.NeutronRequest;
import org.stackratings.sandbox.api.network.NeutronResource;
import org.stackratings.sandbox.state.network.Ipv4Cidr;
import org.stackratings.sandbox.state.network.NeutronDocuments;
import org.stackratings.sandbox.state.network.NeutronKind;

/**
 * Neutron's IPv4 subnet pools ({@code subnet_allocation}): prefixes (merged), prefix length bounds, and the
 * allocation of subnets from them; prefixes may grow but not shrink, and a pool with subnets cannot go.
 */
public final class SubnetPoolResource implements NeutronResource {

    private static final Set<String> CREATE = Set.of("name", "prefixes", "default_prefixlen", "min_prefixlen",
            "max_prefixlen", "shared", "is_default", "default_quota", "address_scope_id", "description",
            "tenant_id", "project_id");
    private static final Set<String> UPDATE = Set.of("name", "prefixes", "default_prefixlen", "min_prefixlen",
            "max_prefixlen", "is_default", "default_quota", "address_scope_id", "description");
    private static final Set<String> KNOWN = Set.of("id", "ip_version", "shared", "tenant_id", "project_id", "tags",
            "created_at", "updated_at", "revision_number");

    @Override
    public NeutronKind kind() {
        return NeutronKind.SUBNETPOOL;
    }

    @Override
    public JsonObject create(NeutronRequest req, Attributes body) {
        body.allowOnly(CREATE, KNOWN);
        body.requireOwnProject(req);
        body.required("prefixes");
        adminOnly(body);
        JsonObject doc = NeutronDocuments.standard(NeutronRequest.newId(), body.string("name", 255, ""),
                req.projectId(), req.now())
                .put("description", body.string("description", 255, ""))
                .put("ip_version", 4).put("shared", false).put("is_default", false).putNull("address_scope_id");
        doc.put("prefixes", merged(prefixes(body.list("prefixes", new JsonArray()))));
        bounds(doc, body, 8, -1, 32);
        doc.put("default_quota", quota(body, null));
        req.store().put(kind(), doc);
        return doc;
    }

    private static void adminOnly(Attributes body) {
        if (body.bool("shared", false) || body.bool("is_default", false)) {
            throw NeutronError.forbidden("(rule:create_subnetpool:shared) is disallowed by policy");
        }
        if (body.raw("address_scope_id") != null) {
            throw new NeutronError(404, "AddressScopeNotFound", "Address scope " + body.raw("address_scope_id")
                    + " could not be found.");
        }
    }

    private static Integer quota(Attributes body, Integer fallback) {
        if (!body.has("default_quota")) {
            return fallback;
        }
        Object value = body.raw("default_quota");
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer n) || n < 0) {
            throw Attributes.invalid("default_quota", "'" + value + "' is not a non-negative integer");
        }
        return n;
    }

    private static void bounds(JsonObject doc, Attributes body, int min, int def, int max) {
        int minimum = length(body, "min_prefixlen", min);
        int maximum = length(body, "max_prefixlen", max);
        int deflt = length(body, "default_prefixlen", def < 0 ? minimum : def);
        if (!(minimum <= deflt && deflt <= maximum)) {
            throw new NeutronError(400, "IllegalSubnetPoolPrefixBounds", "Illegal prefix bounds: prefix_type="
                    + "default_prefixlen, prefixlen=" + deflt + ", base_prefix_type=min_prefixlen, base_prefixlen="
                    + minimum + ".");
        }
        doc.put("min_prefixlen", minimum).put("default_prefixlen", deflt).put("max_prefixlen", maximum);
    }

    private static int length(Attributes body, String key, int fallback) {
        if (!body.has(key) || body.raw(key) == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(String.valueOf(body.raw(key)));
            if (value >= 0 && value <= 32) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw Attributes.invalid(key, "'" + body.raw(key) + "' is not an integer");
        }
        throw Attributes.invalid(key, "'" + body.raw(key) + "' is not in range 0 through 32");
    }

    private static List<Ipv4Cidr> prefixes(JsonArray raw) {
        if (raw.isEmpty()) {
            throw Attributes.invalid("prefixes", "Empty subnet pool prefix list");
        }
        List<Ipv4Cidr> prefixes = new ArrayList<>();
        for (Object o : raw) {
            String text = String.valueOf(o).trim();
            prefixes.add(Ipv4Cidr.parse(text)
                    .orElseThrow(() -> Attributes.invalid("prefixes", "'" + text + "' is not a valid IP subnet")));
        }
        return prefixes;
    }

    /** The prefixes without those inside others, sibling halves joined, in address order. */
    private static JsonArray merged(List<Ipv4Cidr> prefixes) {
        List<Ipv4Cidr> list = new ArrayList<>(prefixes);
        boolean changed = true;
        while (changed) {
            changed = false;
            list.sort(Comparator.comparingLong(Ipv4Cidr::first).thenComparingInt(Ipv4Cidr::prefixLength));
            for (int i = 0; i + 1 < list.size() && !changed; i++) {
                Ipv4Cidr a = list.get(i);
                Ipv4Cidr b = list.get(i + 1);
                if (a.contains(b)) {
                    list.remove(i + 1);
                    changed = true;
                } else if (a.prefixLength() == b.prefixLength() && a.prefixLength() > 0 && b.first() == a.last() + 1
                        && Ipv4Cidr.parse(Ipv4Cidr.format(a.first()) + "/" + (a.prefixLength() - 1)).orElseThrow()
                                .first() == a.first()) {
                    list.set(i, new Ipv4Cidr(a.first(), a.prefixLength() - 1));
                    list.remove(i + 1);
                    changed = true;
                }
            }
        }
        return new JsonArray(list.stream().map(Ipv4Cidr::toString).toList());
    }

    private static List<Ipv4Cidr> poolPrefixes(JsonObject pool) {
        return pool.getJsonArray("prefixes").stream().map(p -> Ipv4Cidr.parse(String.valueOf(p)).orElseThrow())
                .toList();
    }

    private static List<Ipv4Cidr> allocated(NeutronRequest req, JsonObject pool) {
        return req.store().all(NeutronKind.SUBNET).stream()
                .filter(s -> pool.getString("id").equals(s.getString("subnetpool_id")))
                .map(s -> Ipv4Cidr.parse(s.getString("cidr")).orElseThrow()).toList();
    }

    /** The first free prefix of the requested length (the pool's default when null). */
    static Ipv4Cidr allocate(NeutronRequest req, JsonObject pool, Object prefixlen) {
        int length = pool.getInteger("default_prefixlen");
        if (prefixlen != null) {
            try {
                length = Integer.parseInt(String.valueOf(prefixlen));
            } catch (NumberFormatException e) {
                throw Attributes.invalid("prefixlen", "'" + prefixlen + "' is not an integer");
            }
        }
        if (length < pool.getInteger("min_prefixlen") || length > pool.getInteger("max_prefixlen")) {
            throw new NeutronError(400, "IllegalSubnetPoolPrefixLength", "Illegal prefix bounds: prefix_type="
                    + "prefixlen, prefixlen=" + length + ", base_prefix_type=min_prefixlen, base_prefixlen="
                    + pool.getInteger("min_prefixlen") + ".");
        }
        List<Ipv4Cidr> used = allocated(req, pool);
        for (Ipv4Cidr prefix : poolPrefixes(pool)) {
            if (prefix.prefixLength() > length) {
                continue;
            }
            Ipv4Cidr candidate = new Ipv4Cidr(prefix.first(), length);
            while (candidate != null && prefix.contains(candidate)) {
                Ipv4Cidr c = candidate;
                if (used.stream().noneMatch(u -> u.overlaps(c))) {
                    return candidate;
                }
                candidate = candidate.next().orElse(null);
            }
        }
        throw NeutronError.conflict("SubnetAllocationError", "Failed to allocate subnet: Insufficient prefix space"
                + " to allocate subnet size /" + length + ".");
    }

    /** Refuses a CIDR outside the pool's prefixes or overlapping one allocated already. */
    static void requireInside(NeutronRequest req, JsonObject pool, Ipv4Cidr cidr) {
        if (poolPrefixes(pool).stream().noneMatch(p -> p.contains(cidr))) {
            throw NeutronError.badRequest("Failed to allocate subnet: Cidr " + cidr
                    + " is not in the prefixes of subnet pool " + pool.getString("id") + ".");
        }
        if (allocated(req, pool).stream().anyMatch(u -> u.overlaps(cidr))) {
            throw NeutronError.badRequest("Failed to allocate subnet: Cidr " + cidr
                    + " overlaps with another subnet of subnet pool " + pool.getString("id") + ".");
        }
    }

    @Override
    public JsonObject update(NeutronRequest req, JsonObject doc, Attributes body) {
        body.allowOnly(UPDATE, KNOWN);
        adminOnly(body);
        if (body.has("prefixes")) {
            List<Ipv4Cidr> requested = prefixes(body.list("prefixes", new JsonArray()));
            for (Ipv4Cidr old : poolPrefixes(doc)) {
                if (requested.stream().noneMatch(p -> p.contains(old))) {
                    throw new NeutronError(400, "IllegalSubnetPoolPrefixUpdate", "Illegal update to prefixes: "
                            + "Existing prefixes must be a subset of the new prefixes");
                }
            }
            doc.put("prefixes", merged(requested));
        }
        bounds(doc, body, doc.getInteger("min_prefixlen"), doc.getInteger("default_prefixlen"),
                doc.getInteger("max_prefixlen"));
        doc.put("name", body.string("name", 255, doc.getString("name")))
                .put("description", body.string("description", 255, doc.getString("description")))
                .put("default_quota", quota(body, doc.getInteger("default_quota")));
        return req.touched(doc);
    }

    @Override
    public void delete(NeutronRequest req, JsonObject doc) {
        if (!allocated(req, doc).isEmpty()) {
            throw NeutronError.conflict("SubnetPoolInUse", "Unable to complete operation on subnet pool "
                    + doc.getString("id") + ". Subnet pool has existing allocations.");
        }
        req.store().remove(kind(), doc.getString("id"));
    }
}

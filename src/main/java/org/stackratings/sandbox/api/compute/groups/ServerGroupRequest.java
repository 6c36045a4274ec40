package org.stackratings.sandbox.api.compute.groups;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.api.compute.NovaRefusal;

/**
 * The body of {@code POST /os-server-groups}, validated as Nova does: a name and, before 2.64, {@code policies} (a
 * list of one policy), from 2.64 {@code policy} and {@code rules} ({@code max_server_per_host} for anti-affinity
 * only). The soft policies exist from 2.15.
 */
record ServerGroupRequest(String name, String policy, Map<String, Integer> rules) {

    private static final Set<String> HARD = Set.of("affinity", "anti-affinity");
    private static final Set<String> SOFT = Set.of("soft-affinity", "soft-anti-affinity");

    static ServerGroupRequest parse(JsonObject body, Microversion mv) {
        if (body == null || !(body.getValue("server_group") instanceof JsonObject group)) {
            throw new NovaRefusal(400, "Invalid input for field/attribute server_group. 'server_group' is a "
                    + "required property");
        }
        Object name = group.getValue("name");
        if (!(name instanceof String n) || n.isEmpty() || n.length() > 255 || !n.strip().equals(n)) {
            throw name == null ? new NovaRefusal(400, "'name' is a required property")
                    : NovaRefusal.invalid("name", name);
        }
        boolean v264 = mv.atLeast(2, 64);
        Set<String> allowed = new java.util.HashSet<>(HARD);
        if (mv.atLeast(2, 15)) {
            allowed.addAll(SOFT);
        }
        String policy;
        Map<String, Integer> rules = new LinkedHashMap<>();
        if (v264) {
            if (group.containsKey("policies")) {
                throw new NovaRefusal(400, "Invalid input for field/attribute server_group. Additional properties "
                        + "are not allowed ('policies' was unexpected)");
            }
            policy = policy(group.getValue("policy"), allowed, "policy");
            rules(group.getValue("rules"), policy, rules);
        } else {
            if (group.containsKey("policy") || group.containsKey("rules")) {
                throw new NovaRefusal(400, "Invalid input for field/attribute server_group. Additional properties "
                        + "are not allowed");
            }
            Object policies = group.getValue("policies");
            if (!(policies instanceof JsonArray list) || list.size() != 1) {
                throw policies == null ? new NovaRefusal(400, "'policies' is a required property")
                        : NovaRefusal.invalid("policies", policies);
            }
            policy = policy(list.getValue(0), allowed, "policies");
        }
        return new ServerGroupRequest(n, policy, rules);
    }

    private static String policy(Object value, Set<String> allowed, String field) {
        if (!(value instanceof String p) || !allowed.contains(p)) {
            throw value == null ? new NovaRefusal(400, "'" + field + "' is a required property")
                    : NovaRefusal.invalid(field, value);
        }
        return p;
    }

    private static void rules(Object value, String policy, Map<String, Integer> rules) {
        if (value == null) {
            return;
        }
        if (!(value instanceof JsonObject json)) {
            throw NovaRefusal.invalid("rules", value);
        }
        for (String key : json.fieldNames()) {
            Object v = json.getValue(key);
            if (!"max_server_per_host".equals(key) || !(v instanceof Integer i) || i < 1) {
                throw NovaRefusal.invalid("rules", value);
            }
            if (!"anti-affinity".equals(policy)) {
                throw new NovaRefusal(400, "Only anti-affinity policy supports rules.");
            }
            rules.put(key, i);
        }
    }
}

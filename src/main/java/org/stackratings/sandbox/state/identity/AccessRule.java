package org.stackratings.sandbox.state.identity;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An access rule of a user: a request (service type, method, path relative to the service's root with {@code *} and {@code **} wildcards) that the
 * tokens of an application credential holding it may make. Keystone keeps one rule per user for each triple.
 */
public record AccessRule(String id, String userId, String service, String method, String path) {

    /** The service types a rule may name for a service of the sandbox (block storage has three). */
    private static final Map<String, Set<String>> TYPES = Map.of("volume", Set.of("volume", "volumev3",
            "block-storage"));

    /** Whether a request of {@code method} to {@code requestPath} of service type {@code serviceType} is allowed. */
    public boolean permits(String serviceType, String requestMethod, String requestPath) {
        return TYPES.getOrDefault(serviceType, Set.of(serviceType)).contains(service) && method.equalsIgnoreCase(requestMethod)
                && requestPath.matches(pattern());
    }

    private String pattern() {
        StringBuilder regex = new StringBuilder();
        String[] parts = path.split("(?=\\*)|(?<=\\*)");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("*") && i + 1 < parts.length && parts[i + 1].equals("*")) {
                regex.append(".*");
                i++;
            } else if (parts[i].equals("*")) {
                regex.append("[^/]+");
            } else {
                regex.append(Pattern.quote(parts[i]));
            }
        }
        return regex.toString();
    }
}

package org.stackratings.sandbox.profile;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A route override that makes a cloud non-compliant in a controlled way. It covers a request to {@code service} with
 * {@code method} whose path (relative to the service root, such as {@code /v2.1/servers}) matches {@code path}, whose
 * query holds every pair of {@code query} and, when {@code action} is set, whose JSON body is that action (its first
 * key, as in Nova's and Cinder's {@code POST .../action} bodies: {@code lock}, {@code os-stop}, {@code os-extend}; or,
 * when it starts with {@code /}, a JSON Pointer the body must hold, optionally {@code =value} for the text it must
 * hold there: {@code /server/accessIPv6}, {@code /server/name=}). It
 * applies after the token check and the latency, and does one of two things:
 * <ul>
 * <li>without {@code change}, it answers with {@code status} and {@code body} instead of the normal handler (the call
 * fails, answers a wrong body, accepts what it should refuse, or, with a 2xx, claims an action it never does: the
 * resource then stays in, or never reaches, the state the action leads to);
 * <li>with {@code change}, the normal handler runs and one field of its JSON answer is changed or removed
 * ({@link FieldChange}); {@code status}, when not 0, replaces the handler's status too.
 * </ul>
 *
 * <p>Matching: {@code *} matches one path segment, {@code {project_id}} the cloud's project id; a trailing slash does
 * not matter; for compute a project id right after {@code /v2.1} in the request is ignored, so {@code /v2.1/servers}
 * also matches {@code /v2.1/{project_id}/servers}. {@code query} is {@code k=v&k2} ({@code k2} present with any value),
 * null for any query. A {@code GET} deviation also covers {@code HEAD}. {@code body} null means: a service-style error
 * body for a status of 400 or more, {@code {}} below.
 */
public record Deviation(String service, String method, String path, String query, String action, int status,
        String body, FieldChange change) {

    public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    /** A deviation that answers {@code status} and {@code body} instead of the normal handler, for any action. */
    public Deviation(String service, String method, String path, String query, int status, String body) {
        this(service, method, path, query, null, status, body, null);
    }

    /** A deviation that changes one field of the normal answer (its status kept). */
    public static Deviation changing(String service, String method, String path, FieldChange change) {
        return new Deviation(service, method, path, null, null, 0, null, change);
    }

    public Deviation {
        if (!CloudProfile.ALL_SERVICES.contains(service)) {
            throw new IllegalArgumentException("unknown service '" + service + "'");
        }
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown method '" + method + "'");
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/'");
        }
        boolean keepsStatus = change != null && status == 0;
        if (!keepsStatus && (status < 200 || status > 599)) {
            throw new IllegalArgumentException("status " + status + " is not within 200..599");
        }
        if (change != null && body != null) {
            throw new IllegalArgumentException("a deviation changes a field or answers a body, not both");
        }
        query = query == null || query.isBlank() ? null : query;
        action = action == null || action.isBlank() ? null : action;
    }

    /** Whether this deviation answers instead of the normal handler (no {@link #change}). */
    public boolean answersInstead() {
        return change == null;
    }

    /** Whether this deviation covers a request; {@code relativePath} is the path under the service root. */
    public boolean matches(String requestService, String requestMethod, String relativePath, MultiMap params,
            String projectId, JsonObject body) {
        if (!service.equals(requestService) || !methodMatches(requestMethod)) {
            return false;
        }
        return pathMatches(segments(relativePath), projectId) && queryMatches(params) && actionMatches(body);
    }

    private boolean actionMatches(JsonObject body) {
        if (action == null) {
            return true;
        }
        if (body == null || body.isEmpty()) {
            return false;
        }
        if (!action.startsWith("/")) {
            return action.equals(body.fieldNames().iterator().next());
        }
        int equals = action.indexOf('=');
        Object value = io.vertx.core.json.pointer.JsonPointer.from(equals < 0 ? action : action.substring(0, equals))
                .queryJson(body);
        return value != null && (equals < 0 || action.substring(equals + 1).equals(String.valueOf(value)));
    }

    private boolean methodMatches(String requestMethod) {
        return method.equals(requestMethod) || ("GET".equals(method) && "HEAD".equals(requestMethod));
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private boolean pathMatches(List<String> request, String projectId) {
        List<String> pattern = segments(path);
        if (segmentsMatch(pattern, request, projectId)) {
            return true;
        }
        // Nova accepts /v2.1/{project_id}/...; a deviation written without it covers both forms
        boolean novaProjectPath = "compute".equals(service) && request.size() > 1 && "v2.1".equals(request.get(0))
                && request.get(1).equals(projectId);
        if (novaProjectPath) {
            List<String> stripped = new ArrayList<>(request);
            stripped.remove(1);
            return segmentsMatch(pattern, stripped, projectId);
        }
        return false;
    }

    private static boolean segmentsMatch(List<String> pattern, List<String> request, String projectId) {
        if (pattern.size() != request.size()) {
            return false;
        }
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            String r = request.get(i);
            boolean ok = "*".equals(p) || p.equals(r) || ("{project_id}".equals(p) && r.equals(projectId));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private boolean queryMatches(MultiMap params) {
        if (query == null) {
            return true;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (!params.contains(key)) {
                return false;
            }
            if (eq >= 0 && !params.getAll(key).contains(pair.substring(eq + 1))) {
                return false;
            }
        }
        return true;
    }
}

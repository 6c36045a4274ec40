package org.stackratings.sandbox.api.volume;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.stackratings.sandbox.routing.ApiRequest;

/**
 * One page of a Cinder list: sorted by {@code sort=key[:dir],...} (or {@code sort_key}/{@code sort_dir}; default
 * {@code created_at} then {@code id}, descending), after {@code marker} and {@code offset} more, at most {@code limit}
 * items, with a {@code next} link when the page is full (as Cinder: more may follow). {@code error} is the 400 or 404 message when the query is invalid.
 */
public record CinderPage<T>(List<T> items, JsonArray links, String error, int status) {

    /** Pages {@code all} with the request's query; {@code keys} are the sort keys the resource knows. */
    public static <T> CinderPage<T> of(ApiRequest req, List<T> all, Function<T, String> id,
            Map<String, Function<T, Comparable<?>>> keys, String path, String what) {
        Comparator<T> order;
        try {
            order = order(req, keys);
        } catch (IllegalArgumentException e) {
            return new CinderPage<>(List.of(), null, e.getMessage(), 400);
        }
        List<T> sorted = new ArrayList<>(all);
        sorted.sort(order.thenComparing(id, Comparator.reverseOrder()));
        String marker = req.query("marker");
        if (marker != null) {
            int at = sorted.stream().map(id).toList().indexOf(marker);
            if (at < 0) {
                return new CinderPage<>(List.of(), null, "Marker " + marker + " could not be found.", 404);
            }
            sorted = new ArrayList<>(sorted.subList(at + 1, sorted.size()));
        }
        String offsetText = req.query("offset");
        if (offsetText != null) {
            int offset;
            try {
                offset = Integer.parseInt(offsetText);
            } catch (NumberFormatException e) {
                return new CinderPage<>(List.of(), null, "offset must be an integer.", 400);
            }
            if (offset < 0) {
                return new CinderPage<>(List.of(), null, "offset must be >= 0.", 400);
            }
            sorted = new ArrayList<>(sorted.subList(Math.min(offset, sorted.size()), sorted.size()));
        }
        String limitText = req.query("limit");
        if (limitText == null) {
            return new CinderPage<>(sorted, null, null, 200);
        }
        int limit;
        try {
            limit = Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            return new CinderPage<>(List.of(), null, "Invalid input received: limit param must be an integer", 400);
        }
        if (limit < 0) {
            return new CinderPage<>(List.of(), null, "Invalid input received: limit param must be positive", 400);
        }
        if (sorted.size() < limit || limit == 0) {
            return new CinderPage<>(sorted.subList(0, Math.min(limit, sorted.size())), null, null, 200);
        }
        List<T> page = sorted.subList(0, limit);
        String next = CinderScope.projectBase(req) + path + "?limit=" + limit + "&marker="
                + id.apply(page.get(limit - 1));
        return new CinderPage<>(page, new JsonArray().add(new JsonObject().put("rel", "next").put("href", next)),
                null, 200);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Comparator<T> order(ApiRequest req, Map<String, Function<T, Comparable<?>>> keys) {
        List<String[]> wanted = new ArrayList<>();
        String sort = req.query("sort");
        if (sort != null) {
            for (String part : sort.split(",")) {
                String[] kd = part.trim().split(":");
                wanted.add(new String[] {kd[0], kd.length > 1 ? kd[1] : "desc"});
            }
        } else if (req.query("sort_key") != null) {
            wanted.add(new String[] {req.query("sort_key"),
                req.query("sort_dir") == null ? "desc" : req.query("sort_dir")});
        } else {
            wanted.add(new String[] {"created_at", req.query("sort_dir") == null ? "desc" : req.query("sort_dir")});
        }
        Comparator<T> order = (a, b) -> 0;
        for (String[] kd : wanted) {
            Function<T, Comparable<?>> key = keys.get(kd[0]);
            if (key == null) {
                throw new IllegalArgumentException("Invalid input received: Invalid sort key " + kd[0]);
            }
            if (!kd[1].equals("asc") && !kd[1].equals("desc")) {
                throw new IllegalArgumentException("Invalid input received: Unknown sort direction, must be"
                        + " 'desc' or 'asc'");
            }
            Comparator<T> one = Comparator.comparing(t -> (Comparable) key.apply(t),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            order = order.thenComparing(kd[1].equals("asc") ? one : one.reversed());
        }
        return order;
    }

    /** Answers the page's error; true when there was one. */
    public boolean failed(ApiRequest req) {
        if (error != null) {
            req.fail(status, error);
            return true;
        }
        return false;
    }
}

package org.stackratings.sandbox.api.network;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Neutron list query: attribute filters (repeated values match any; {@code fixed_ips=ip_address=...} matches an
 * element of a list), the tag filters, {@code sort_key}/{@code sort_dir}, {@code limit}/{@code marker}/
 * {@code page_reverse} with {@code <collection>_links}, and {@code fields}.
 */
public final class ListQuery {

    private static final Set<String> CONTROL = Set.of("fields", "sort_key", "sort_dir", "limit", "marker",
            "page_reverse", "tags", "tags-any", "not-tags", "not-tags-any");

    private final MultiMap params;

    public ListQuery(MultiMap params) {
        this.params = params;
    }

    /** The page of {@code items} the query selects, as a list body with links. */
    public JsonObject page(String plural, String selfUrl, List<JsonObject> items) {
        List<JsonObject> selected = new ArrayList<>(items.stream().filter(this::matches).toList());
        sort(selected);
        int limit = limit();
        boolean reverse = Boolean.parseBoolean(params.get("page_reverse"));
        String marker = params.get("marker");
        List<JsonObject> page = selected;
        if (marker != null) {
            int at = indexOf(selected, marker);
            page = reverse ? selected.subList(0, at) : selected.subList(at + 1, selected.size());
        }
        if (limit > 0 && page.size() > limit) {
            page = reverse ? page.subList(page.size() - limit, page.size()) : page.subList(0, limit);
        }
        JsonObject body = new JsonObject().put(plural, new JsonArray(page.stream().map(this::fields).toList()));
        if (limit > 0) {
            body.put(plural + "_links", links(selfUrl, page, limit, reverse));
        }
        return body;
    }

    private static int indexOf(List<JsonObject> items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (id.equals(items.get(i).getString("id"))) {
                return i;
            }
        }
        throw NeutronError.badRequest("Marker " + id + " could not be found");
    }

    /** Neutron's links: next unless a forward page came up short, previous unless a backward one did. */
    private JsonArray links(String selfUrl, List<JsonObject> page, int limit, boolean reverse) {
        JsonArray links = new JsonArray();
        if (page.isEmpty()) {
            return links;
        }
        if (!(page.size() < limit && !reverse)) {
            links.add(new JsonObject().put("rel", "next").put("href", href(selfUrl, page.get(page.size() - 1), false)));
        }
        if (!(page.size() < limit && reverse)) {
            links.add(new JsonObject().put("rel", "previous").put("href", href(selfUrl, page.get(0), true)));
        }
        return links;
    }

    private String href(String selfUrl, JsonObject markerItem, boolean reverse) {
        StringBuilder query = new StringBuilder();
        for (var p : params) {
            if (!p.getKey().equals("marker") && !p.getKey().equals("page_reverse")) {
                query.append(encode(p.getKey())).append('=').append(encode(p.getValue())).append('&');
            }
        }
        query.append("marker=").append(encode(markerItem.getString("id")));
        if (reverse) {
            query.append("&page_reverse=True");
        }
        return selfUrl + "?" + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private int limit() {
        String text = params.get("limit");
        if (text == null) {
            return 0;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            throw NeutronError.badRequest("Limit must be an integer 0 or greater and not '" + text + "'");
        }
        throw NeutronError.badRequest("Limit must be an integer 0 or greater and not '" + text + "'");
    }

    private void sort(List<JsonObject> items) {
        List<String> keys = params.getAll("sort_key");
        List<String> dirs = params.getAll("sort_dir");
        if (!dirs.isEmpty() && dirs.size() != keys.size()) {
            throw NeutronError.badRequest("The number of sort_keys and sort_dirs must be same");
        }
        Comparator<JsonObject> order = null;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (!items.isEmpty() && !items.get(0).containsKey(key)) {
                throw NeutronError.badRequest("[" + key + "] is invalid attribute for sort_key");
            }
            String dir = dirs.isEmpty() ? "asc" : dirs.get(i);
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw NeutronError.badRequest("[" + dir + "] is invalid sort_dir, must be one of ['asc', 'desc']");
            }
            Comparator<JsonObject> byKey = Comparator.comparing(o -> sortValue(o.getValue(key)),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            byKey = dir.equals("desc") ? byKey.reversed() : byKey;
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        if (order == null && params.contains("limit")) {
            order = Comparator.comparing(o -> o.getString("id"));
        } else if (order != null) {
            order = order.thenComparing(o -> o.getString("id"));
        }
        if (order != null) {
            items.sort(order);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable sortValue(Object value) {
        if (value == null || value instanceof Comparable) {
            return (Comparable) value;
        }
        return String.valueOf(value);
    }

    private boolean matches(JsonObject item) {
        for (String key : params.names()) {
            if (CONTROL.contains(key) || !item.containsKey(key)) {
                continue;
            }
            Object value = item.getValue(key);
            if (params.getAll(key).stream().noneMatch(wanted -> matchesValue(value, wanted))) {
                return false;
            }
        }
        Set<String> tags = item.getJsonArray("tags", new JsonArray()).stream().map(String::valueOf)
                .collect(Collectors.toSet());
        return (tagList("tags").isEmpty() || tags.containsAll(tagList("tags")))
                && (tagList("tags-any").isEmpty() || tagList("tags-any").stream().anyMatch(tags::contains))
                && (tagList("not-tags").isEmpty() || !tags.containsAll(tagList("not-tags")))
                && tagList("not-tags-any").stream().noneMatch(tags::contains);
    }

    private List<String> tagList(String key) {
        return params.getAll(key).stream().flatMap(v -> Arrays.stream(v.split(","))).filter(t -> !t.isEmpty())
                .toList();
    }

    private static boolean matchesValue(Object value, String wanted) {
        if (value instanceof JsonArray array) {
            int eq = wanted.indexOf('=');
            for (Object element : array) {
                if (element instanceof JsonObject object && eq > 0) {
                    String key = wanted.substring(0, eq);
                    String expected = wanted.substring(eq + 1);
                    if (key.endsWith("_substr")) {
                        String actual = object.getString(key.substring(0, key.length() - "_substr".length()));
                        if (actual != null && actual.contains(expected)) {
                            return true;
                        }
                    } else if (expected.equals(String.valueOf(object.getValue(key)))) {
                        return true;
                    }
                } else if (wanted.equals(String.valueOf(element))) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Boolean) {
            return String.valueOf(value).equalsIgnoreCase(wanted);
        }
        return String.valueOf(value).equals(wanted) || (value == null && wanted.isEmpty());
    }

    /** The item with only the requested {@code fields}, all of it when none are. */
    public JsonObject fields(JsonObject item) {
        List<String> fields = params.getAll("fields");
        if (fields.isEmpty()) {
            return item;
        }
        JsonObject selected = new JsonObject();
        fields.stream().flatMap(f -> Arrays.stream(f.split(","))).filter(item::containsKey)
                .forEach(f -> selected.put(f, item.getValue(f)));
        return selected;
    }
}

package org.stackratings.sandbox.api.compute;

import java.util.List;
import java.util.function.Function;

/** Nova's paging of a list: {@code marker} (the id of the last item seen) and {@code limit}, as its list APIs read them. */
public final class NovaPaging {

    /** One page; {@code nextQuery} ({@code ?limit=..&marker=..}) is null on the last one. */
    public record Page<T>(List<T> items, String nextQuery) {
    }

    /** Nova's {@code [api] max_limit}: the most items one page holds. */
    private static final int MAX_LIMIT = 1000;

    private NovaPaging() {
    }

    /**
     * The items after {@code marker} (null: from the first), at most {@code limit} (null: all) of them; a
     * {@link NovaRefusal} (400) for an unknown marker or a limit Nova refuses.
     */
    public static <T> Page<T> page(List<T> items, Function<T, String> id, String marker, String limit) {
        List<T> rest = items;
        if (marker != null) {
            int at = -1;
            for (int i = 0; i < items.size() && at < 0; i++) {
                at = id.apply(items.get(i)).equals(marker) ? i : -1;
            }
            if (at < 0) {
                throw new NovaRefusal(400, "marker [" + marker + "] not found");
            }
            rest = items.subList(at + 1, items.size());
        }
        Integer max = limit(limit);
        if (max == null || rest.size() <= max) {
            return new Page<>(List.copyOf(rest), null);
        }
        List<T> page = List.copyOf(rest.subList(0, max));
        return new Page<>(page, max == 0 ? null : "?limit=" + max + "&marker=" + id.apply(page.get(max - 1)));
    }

    /** The page size asked for, or null; a {@link NovaRefusal} (400) for what Nova refuses. */
    public static Integer limit(String value) {
        if (value == null) {
            return null;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new NovaRefusal(400, "limit param must be an integer");
        }
        if (limit < 0) {
            throw new NovaRefusal(400, "limit param must be positive");
        }
        return limit;
    }

    /**
     * Nova's older paging by position ({@code common.limited}, as the volume and snapshot proxies use it): the items
     * from {@code offset} (null: 0), at most {@code limit} (null: all, never more than Nova's 1000) of them.
     */
    public static <T> List<T> limited(List<T> items, String offset, String limit) {
        int from = 0;
        if (offset != null) {
            try {
                from = Integer.parseInt(offset);
            } catch (NumberFormatException e) {
                throw new NovaRefusal(400, "offset param must be an integer");
            }
            if (from < 0) {
                throw new NovaRefusal(400, "offset param must be positive");
            }
        }
        Integer asked = limit(limit);
        int max = asked == null || asked == 0 ? MAX_LIMIT : Math.min(asked, MAX_LIMIT);
        int start = Math.min(from, items.size());
        return List.copyOf(items.subList(start, Math.min(items.size(), start + max)));
    }
}

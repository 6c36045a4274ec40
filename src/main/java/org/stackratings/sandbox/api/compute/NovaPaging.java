package org.stackratings.sandbox.api.compute;

import java.util.List;
import java.util.function.Function;

/** Nova's paging of a list: {@code marker} (the id of the last item seen) and {@code limit}, as its list APIs read them. */
public final class NovaPaging {

    /** One page; {@code nextQuery} ({@code ?limit=..&marker=..}) is null on the last one. */
    public record Page<T>(List<T> items, String nextQuery) {
    }

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
}

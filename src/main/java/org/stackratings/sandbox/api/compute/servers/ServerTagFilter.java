package org.stackratings.sandbox.api.compute.servers;

import java.util.Arrays;
import java.util.List;
import org.stackratings.sandbox.api.Microversion;
import org.stackratings.sandbox.routing.ApiRequest;

/**
 * The tag filters of a server list from 2.26, each a comma-separated list: {@code tags} (every one of them),
 * {@code tags-any} (at least one), {@code not-tags} (not every one) and {@code not-tags-any} (none of them).
 */
record ServerTagFilter(List<String> all, List<String> any, List<String> notAll, List<String> notAny) {

    static ServerTagFilter of(ApiRequest req, Microversion mv) {
        if (!mv.atLeast(2, 26)) {
            return new ServerTagFilter(null, null, null, null);
        }
        return new ServerTagFilter(list(req.query("tags")), list(req.query("tags-any")), list(req.query("not-tags")),
                list(req.query("not-tags-any")));
    }

    private static List<String> list(String value) {
        return value == null ? null : Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .toList();
    }

    /** Whether a server with {@code tags} passes every filter asked for. */
    boolean test(List<String> tags) {
        return (all == null || tags.containsAll(all))
                && (any == null || any.stream().anyMatch(tags::contains))
                && (notAll == null || !tags.containsAll(notAll))
                && (notAny == null || notAny.stream().noneMatch(tags::contains));
    }
}

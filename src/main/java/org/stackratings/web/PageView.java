package org.stackratings.web;

import java.util.List;

/** One page of a list, with links to its neighbours (PRODUCT.md section 5: lists are paged). */
public record PageView<T>(List<T> items, int page, int size, long total, Links links) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public record Links(String self, String next, String prev) {
    }

    /** @param basePath path plus any query without paging, e.g. {@code /api/v1/members?status=ACTIVE} */
    public static <T> PageView<T> of(List<T> items, PageRequest request, long total, String basePath) {
        String join = basePath.contains("?") ? "&" : "?";
        String self = basePath + join + "page=" + request.page() + "&size=" + request.size();
        String next = (long) (request.page() + 1) * request.size() < total
                ? basePath + join + "page=" + (request.page() + 1) + "&size=" + request.size() : null;
        String prev = request.page() > 0
                ? basePath + join + "page=" + (request.page() - 1) + "&size=" + request.size() : null;
        return new PageView<>(items, request.page(), request.size(), total, new Links(self, next, prev));
    }
}

package org.stackratings.web;

/** Validated paging parameters: {@code page} from 0, {@code size} 1..{@value PageView#MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? PageView.DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.badRequest("page must be 0 or more, got " + p);
        }
        if (s < 1 || s > PageView.MAX_SIZE) {
            throw ProblemException.badRequest("size must be between 1 and " + PageView.MAX_SIZE + ", got " + s);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}

package org.stackratings.sandbox.api.compute;

/** Nova's {@code limit} query parameter, as its list APIs read it. */
final class NovaPaging {

    private NovaPaging() {
    }

    /** The page size asked for, or null; a {@link NovaRefusal} (400) for what Nova refuses. */
    static Integer limit(String value) {
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

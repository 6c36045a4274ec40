package org.stackratings.openstack;

import java.util.Collection;

/**
 * A short, sanitised excerpt of what a member cloud sent, for evidence and failure details: control and format
 * characters become spaces, white space is folded, known secrets (the session's token) are replaced by
 * {@code [redacted]}, and at most {@link #MAX_LENGTH} characters are kept. Never published on a public endpoint.
 */
public final class BodyExcerpt {

    public static final int MAX_LENGTH = 200;

    private BodyExcerpt() {
    }

    public static String of(String body, Collection<String> secrets) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String text = body.length() > MAX_LENGTH * 8 ? body.substring(0, MAX_LENGTH * 8) : body;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 8) {
                text = text.replace(secret, "[redacted]");
            }
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
        boolean space = true;
        for (int i = 0; i < text.length() && clean.length() <= MAX_LENGTH; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.UNASSIGNED;
            if (blank) {
                if (!space) {
                    clean.append(' ');
                }
                space = true;
            } else {
                clean.appendCodePoint(c);
                space = false;
            }
        }
        String excerpt = clean.toString().strip();
        return excerpt.length() > MAX_LENGTH ? excerpt.substring(0, MAX_LENGTH) + "…" : excerpt;
    }
}

package org.stackratings.publish.feed;

import org.stackratings.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a feed reader stands: every action at or before {@code position} has been read. Opaque to clients:
 * base64url of {@code v1:<position>}, so the encoding may change without breaking cursors already handed out.
 */
public record FeedCursor(long position) {

    public static final FeedCursor START = new FeedCursor(0);
    private static final String PREFIX = "v1:";

    public FeedCursor {
        if (position < 0) {
            throw new IllegalArgumentException("a feed position is never negative");
        }
    }

    /** @throws ProblemException 400 when the text is not a cursor this agency issued */
    public static FeedCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("since is not a feed cursor (use the 'next' value of a feed answer)");
        }
        if (!decoded.startsWith(PREFIX) || !decoded.substring(PREFIX.length()).matches("\\d{1,18}")) {
            throw ProblemException.badRequest("since is not a feed cursor (use the 'next' value of a feed answer)");
        }
        return new FeedCursor(Long.parseLong(decoded.substring(PREFIX.length())));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return encode();
    }
}

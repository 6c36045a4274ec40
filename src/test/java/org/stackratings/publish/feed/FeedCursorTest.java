package org.stackratings.publish.feed;

import org.junit.jupiter.api.Test;
import org.stackratings.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedCursorTest {

    @Test
    void roundTripsAndIsOpaque() {
        FeedCursor cursor = new FeedCursor(1234);
        assertThat(cursor.encode()).doesNotContain("1234").matches("[A-Za-z0-9_-]+");
        assertThat(FeedCursor.parse(cursor.encode())).isEqualTo(cursor);
        assertThat(FeedCursor.parse(null)).isEqualTo(FeedCursor.START);
        assertThat(FeedCursor.parse("")).isEqualTo(FeedCursor.START);
    }

    @Test
    void refusesWhatItDidNotIssue() {
        for (String bad : new String[]{"%%%", "12", encode("v1:"), encode("v1:-4"), encode("v2:4"), encode("v1:4x"),
                encode("v1:99999999999999999999")}) {
            assertThatThrownBy(() -> FeedCursor.parse(bad)).as(bad).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("not a feed cursor");
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

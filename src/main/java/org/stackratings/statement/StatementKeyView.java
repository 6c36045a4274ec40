package org.stackratings.statement;

import java.time.Instant;
import java.util.Map;

/**
 * A signing key as the admin API shows it (never its private half).
 *
 * @param generation null for the configured key
 * @param signsFrom  when a pending key starts to sign
 */
public record StatementKeyView(String kid, Source source, Integer generation, String algorithm, Status status,
                               Instant createdAt, Instant signsFrom, Instant retiredAt, Map<String, Object> publicJwk) {

    public enum Source {
        GENERATED,
        CONFIGURED
    }

    public enum Status {
        /** Signs new statements. */
        SIGNING,
        /** Published, signs once it is old enough to be known everywhere. */
        PENDING,
        /** Published so that statements it signed still verify; signs no more. */
        PUBLISHED,
        /** No longer published. */
        RETIRED
    }
}

package org.stackratings.statement;

import java.time.Duration;
import java.util.Optional;

/** A {@link StatementConfig} with the defaults and the given keys, for tests that build the beans by hand. */
record TestStatementConfig(Optional<String> signingKey, Optional<String> additionalPublicKeys) implements StatementConfig {

    @Override
    public String issuer() {
        return "stackratings";
    }

    @Override
    public Duration validity() {
        return Duration.ofHours(1);
    }

    @Override
    public Duration reuse() {
        return Duration.ofSeconds(10);
    }

    @Override
    public Duration keyRefresh() {
        return Duration.ofMinutes(5);
    }
}

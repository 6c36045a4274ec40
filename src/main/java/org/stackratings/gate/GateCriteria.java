package org.stackratings.gate;

import org.stackratings.certification.GuidelineId;
import org.stackratings.rating.Notch;
import org.stackratings.web.ProblemException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a member must meet to pass the gate: at least {@code minRating}, confirmed by the rating engine within
 * {@code maxAge}, and, when {@code requireCertified} names a guideline, a valid certificate for it.
 */
public record GateCriteria(Notch minRating, Duration maxAge, GuidelineId requireCertified) {

    public GateCriteria(Notch minRating, Duration maxAge) {
        this(minRating, maxAge, null);
    }

    static final String RATED_SYMBOLS = Arrays.stream(Notch.values()).filter(Notch::isRated).map(Notch::symbol)
            .collect(Collectors.joining(", "));

    /** Validates the query parameters; a missing one takes its default (no certificate required). */
    static GateCriteria parse(String minRating, String maxAge, GateCriteria defaults) {
        return parse(minRating, maxAge, null, defaults);
    }

    /** {@link #parse(String, String, GateCriteria)}, and the guideline a valid certificate is required for. */
    static GateCriteria parse(String minRating, String maxAge, String requireCertified, GateCriteria defaults) {
        Notch min = minRating == null ? defaults.minRating() : notch(minRating);
        Duration age = maxAge == null ? defaults.maxAge() : duration(maxAge);
        return new GateCriteria(min, age, GuidelineId.parse("requireCertified", requireCertified));
    }

    /** The defaults from configuration; a bad value stops the application at start. */
    static GateCriteria defaults(GateConfig config) {
        try {
            return new GateCriteria(notch(config.defaultMinRating()), positive(config.defaultMaxAge(), "stackratings.gate.default-max-age"));
        } catch (ProblemException e) {
            throw new IllegalStateException("stackratings.gate: " + e.getMessage(), e);
        }
    }

    private static Notch notch(String symbol) {
        return Notch.fromSymbol(symbol).filter(Notch::isRated).orElseThrow(() -> ProblemException.badRequest(
                "minRating must be a rating from Aaa to C (" + RATED_SYMBOLS + "; any case), got '" + symbol + "'"));
    }

    private static Duration duration(String text) {
        try {
            return positive(Duration.parse(text.trim()), "maxAge");
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("maxAge must be an ISO-8601 duration such as PT6H or P1D, got '" + text + "'");
        }
    }

    private static Duration positive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw ProblemException.badRequest(name + " must be longer than zero, got " + duration);
        }
        return duration;
    }
}

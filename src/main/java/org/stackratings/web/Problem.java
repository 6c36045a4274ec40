package org.stackratings.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is a stable URN that clients may switch on;
 * {@code errors} lists field-level violations for validation problems.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:stackratings:problem:";

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(TYPE_PREFIX + type.slug(), type.title(), type.status(), detail, instance, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }

    /** One invalid input: where it is and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}

package org.stackratings.web;

/** Thrown by services to end a request with a problem+json answer. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " '" + id + "' does not exist");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(ProblemType.BAD_REQUEST, detail);
    }
}

package org.stackratings.openstack.http;

import java.io.IOException;

/** A member's answer had more body or header bytes than the agency reads; the connection was closed. */
public final class AnswerTooLargeException extends IOException {

    AnswerTooLargeException(String message) {
        super(message);
    }

    static AnswerTooLargeException body(long limit) {
        return new AnswerTooLargeException("the answer's body exceeds the limit of " + Sizes.describe(limit)
                + "; the agency stopped reading and closed the connection");
    }

    static AnswerTooLargeException headers(long limit) {
        return new AnswerTooLargeException("the answer's headers exceed the limit of " + Sizes.describe(limit)
                + "; the agency stopped reading and closed the connection");
    }
}

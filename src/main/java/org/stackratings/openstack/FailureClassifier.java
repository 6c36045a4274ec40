package org.stackratings.openstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.openstack4j.api.exceptions.ResponseException;
import org.stackratings.egress.RefusedAddressException;
import org.stackratings.openstack.http.AnswerTooLargeException;
import org.stackratings.openstack.http.RedirectRefusedException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.List;

/**
 * Turns whatever openstack4j, OkHttp or the JDK threw into a {@link CloudCallException}. Text that the cloud chose
 * (fault messages, parser messages) enters a detail only as a short sanitised {@link BodyExcerpt}, so a member
 * cannot write megabytes into its own measurements.
 */
final class FailureClassifier {

    private FailureClassifier() {
    }

    static CloudCallException classify(String operation, Throwable thrown) {
        if (thrown instanceof CloudCallException known) {
            return known;
        }
        // first what the HTTP boundary decided, wherever in the chain (Jackson and openstack4j wrap it) ...
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (t instanceof CloudCallException known) {
                return known;
            }
            if (t instanceof EndpointNotAllowedException || t instanceof RefusedAddressException) {
                return new CloudCallException(CloudFailure.ENDPOINT_NOT_ALLOWED, null, name, operation + ": " + t.getMessage(), thrown);
            }
            if (t instanceof RedirectRefusedException redirect) {
                return new CloudCallException(CloudFailure.REDIRECT_REFUSED, redirect.status(), name, operation + ": " + t.getMessage(), thrown);
            }
            if (t instanceof AnswerTooLargeException) {
                return new CloudCallException(CloudFailure.ANSWER_TOO_LARGE, null, name, operation + ": " + t.getMessage(), thrown);
            }
            if (t instanceof HttpTimeoutException || t instanceof InterruptedIOException) {
                String why = "timeout".equals(t.getMessage())
                        ? "no complete answer within the call timeout or what remained of the run" : excerpt(t.getMessage());
                return new CloudCallException(CloudFailure.TIMEOUT, null, name, operation + ": no answer in time (" + why + ")", thrown);
            }
        }
        // ... then what the cloud answered
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (t instanceof ResponseException response && response.getStatus() >= 400) {
                CloudFailure failure = response.getStatus() == 401 ? CloudFailure.UNAUTHORIZED : CloudFailure.HTTP_ERROR;
                return new CloudCallException(failure, response.getStatus(), name,
                        operation + ": HTTP " + response.getStatus() + " " + excerpt(response.getMessage()), thrown);
            }
            if (t instanceof JsonProcessingException json) {
                return new CloudCallException(CloudFailure.MALFORMED_RESPONSE, null, name,
                        operation + ": the answer is not valid OpenStack JSON (" + excerpt(json.getOriginalMessage()) + ")", thrown);
            }
        }
        Throwable root = root(thrown);
        if (root instanceof IOException) {
            return new CloudCallException(CloudFailure.CONNECTION_FAILED, null, root.getClass().getSimpleName(),
                    operation + ": connection failed (" + root.getClass().getSimpleName() + ": " + excerpt(root.getMessage()) + ")", thrown);
        }
        if (fromOpenStack4j(thrown)) {
            // openstack4j fails with runtime errors (NPE, ClassCast) when a cloud sends valid JSON of the wrong shape
            return new CloudCallException(CloudFailure.MALFORMED_RESPONSE, null, root.getClass().getSimpleName(),
                    operation + ": the answer could not be read as OpenStack data (" + root.getClass().getSimpleName() + ": "
                            + excerpt(root.getMessage()) + ")", thrown);
        }
        return new CloudCallException(CloudFailure.AGENCY_FAULT, null, root.getClass().getSimpleName(),
                operation + ": the agency's client failed (" + root + ")", thrown);
    }

    private static String excerpt(String text) {
        return BodyExcerpt.of(text, List.of());
    }

    private static Throwable root(Throwable thrown) {
        Throwable t = thrown;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean fromOpenStack4j(Throwable thrown) {
        StackTraceElement[] trace = root(thrown).getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.openstack4j.")
                || thrown.getClass().getName().startsWith("org.openstack4j.");
    }
}

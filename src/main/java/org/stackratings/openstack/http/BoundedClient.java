package org.stackratings.openstack.http;

import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.stackratings.openstack.CallLimits;
import org.stackratings.openstack.RunDeadline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Sends one session's requests to a member cloud within its {@link CallPolicy} and {@link CallLimits}: the URL is
 * checked before anything is sent, each call may take at most the call timeout or what remains of the run (connect,
 * send, wait and the whole body read: OkHttp's call timeout closes the socket when it fires), the run's deadline can
 * cancel it, and a redirect is refused, never followed. Its {@link CallObserver} hears whether each call was answered.
 */
public final class BoundedClient {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final OkHttpClient client;
    private final CallPolicy policy;
    private final CallLimits limits;
    private final CallObserver observer;

    BoundedClient(OkHttpClient client, CallPolicy policy, CallLimits limits, CallObserver observer) {
        this.client = client;
        this.policy = policy;
        this.limits = limits;
        this.observer = observer;
    }

    public CallLimits limits() {
        return limits;
    }

    /**
     * Sends the request and returns the answer with its body unread (close it). A redirect is returned as an answer
     * when {@code redirectIsAnswer} (the agency's raw calls judge the status), else refused.
     *
     * @throws IOException when the call fails, times out, is cancelled, or the answer exceeds its limits
     * @throws org.stackratings.openstack.EndpointNotAllowedException when the URL is not allowed (nothing is sent)
     */
    public BoundedResponse send(Request.Builder builder, boolean redirectIsAnswer) throws IOException {
        Request request = builder.tag(AnswerLimit.class, new AnswerLimit(limits.maxBodyBytes(), limits.maxHeaderBytes())).build();
        policy.check(request.url());
        RunDeadline deadline = limits.deadline();
        long budget = limits.callBudgetMillis();
        if (budget <= 0) {
            throw new CallDeadlineException("the run's deadline of " + deadline.length() + " passed before the call was sent");
        }
        Call call = client.newCall(request);
        call.timeout().timeout(budget, TimeUnit.MILLISECONDS);
        RunDeadline.Registration registration = deadline.track(call::cancel);
        try {
            Response response = call.execute();
            observer.answered();
            if (REDIRECTS.contains(response.code()) && !redirectIsAnswer) {
                String target = target(request.url(), response.header("Location"));
                response.close();
                throw new RedirectRefusedException(response.code(), target);
            }
            return new BoundedResponse(response, registration);
        } catch (IOException | RuntimeException e) {
            registration.close();
            if (call.isCanceled() && deadline.cancelled()) {
                throw new CallDeadlineException("cancelled at the run's deadline of " + deadline.length());
            }
            if (unanswered(e)) {
                observer.unanswered();
            }
            if (e instanceof InterruptedIOException && !(e instanceof CallDeadlineException) && "timeout".equals(e.getMessage())) {
                throw new CallDeadlineException("no complete answer within " + budget + " ms (the call timeout of "
                        + limits.callTimeout() + " or what remained of the run)");
            }
            throw e;
        }
    }

    /** No answer in time (the call's own timeout, or a read or connect timeout), or no connection at all. */
    private static boolean unanswered(Exception e) {
        return e instanceof SocketTimeoutException || e instanceof ConnectException || e instanceof NoRouteToHostException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
    }

    private static String target(HttpUrl from, String location) {
        HttpUrl to = location == null ? null : from.resolve(location);
        return to == null ? "an unreadable location" : to.scheme() + "://" + to.host() + ":" + to.port();
    }

    /** A call that ran out of time: its own timeout, or the run's deadline. */
    public static final class CallDeadlineException extends InterruptedIOException {
        CallDeadlineException(String message) {
            super(message);
        }
    }
}

package org.stackratings.openstack.http;

import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.EOFException;
import java.io.IOException;

/**
 * OkHttp network interceptor that holds every answer to its call's {@link AnswerLimit}: headers above the limit end
 * the call, a declared body length above the limit ends it before any body is read, and the body is read through a
 * {@link LimitedBody}. OkHttp itself reads at most 256 KiB of headers: beyond that (or when the head ends before its
 * last line) okio's {@code readUtf8LineStrict} fails with an {@link EOFException} whose message starts
 * "\n not found: limit=", which OkHttp wraps; that is reported as headers cut off or over 256 KiB.
 */
final class AnswerLimits implements Interceptor {

    /** What OkHttp 4 reads of the headers at most. */
    static final long OKHTTP_HEADER_LIMIT = 256 * 1024;

    @Override
    public Response intercept(Chain chain) throws IOException {
        AnswerLimit limit = chain.request().tag(AnswerLimit.class);
        if (limit == null) {
            throw new IllegalStateException("a member call without answer limits: " + chain.request().method() + " " + chain.request().url().host());
        }
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof EOFException && String.valueOf(t.getMessage()).contains("not found: limit=")) {
                    throw new AnswerTooLargeException("the answer's headers were cut off or exceed the "
                            + Sizes.describe(OKHTTP_HEADER_LIMIT) + " that the agency reads; it closed the connection");
                }
            }
            throw e;
        }
        if (response.headers().byteCount() > limit.maxHeaderBytes()) {
            response.close();
            throw AnswerTooLargeException.headers(limit.maxHeaderBytes());
        }
        if (response.body() == null) {
            return response;
        }
        if (response.body().contentLength() > limit.maxBodyBytes()) {
            response.close();
            throw AnswerTooLargeException.body(limit.maxBodyBytes());
        }
        return response.newBuilder().body(new LimitedBody(response.body(), limit.maxBodyBytes())).build();
    }
}

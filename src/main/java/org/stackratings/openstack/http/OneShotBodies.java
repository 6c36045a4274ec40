package org.stackratings.openstack.http;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

import java.io.IOException;

/**
 * Marks every request body one-shot, so that OkHttp, which retries a request on a stale pooled connection, never
 * sends a body twice once it began sending it: a server create (POST /servers) must not boot two servers because a
 * connection broke after the request went out.
 */
final class OneShotBodies implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestBody body = request.body();
        if (body == null || body.isOneShot()) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().method(request.method(), new OneShot(body)).build());
    }

    private static final class OneShot extends RequestBody {
        private final RequestBody delegate;

        OneShot(RequestBody delegate) {
            this.delegate = delegate;
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return delegate.contentLength();
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            delegate.writeTo(sink);
        }
    }
}

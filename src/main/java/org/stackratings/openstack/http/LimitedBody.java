package org.stackratings.openstack.http;

import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

import java.io.IOException;

/**
 * A response body that fails with {@link AnswerTooLargeException} as soon as more than its limit has been read from
 * the stream, however the reader reads it (openstack4j's Jackson, or the agency's own calls): memory per call is
 * bounded whatever the member sends, also when it declares no length or a false one.
 */
final class LimitedBody extends ResponseBody {

    private final ResponseBody delegate;
    private final long limit;
    private final BufferedSource source;

    LimitedBody(ResponseBody delegate, long limit) {
        this.delegate = delegate;
        this.limit = limit;
        this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
            private long read;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n > 0) {
                    read += n;
                    if (read > limit) {
                        throw AnswerTooLargeException.body(limit);
                    }
                }
                return n;
            }
        });
    }

    @Override
    public MediaType contentType() {
        return delegate.contentType();
    }

    @Override
    public long contentLength() {
        return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
        return source;
    }

    @Override
    public void close() {
        delegate.close();
    }
}

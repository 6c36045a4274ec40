package org.stackratings.openstack.http;

import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.stackratings.openstack.RunDeadline;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** A member's answer whose body is read through its limit; closing it closes the connection's stream and ends the call. */
public final class BoundedResponse implements Closeable {

    private final Response response;
    private final RunDeadline.Registration registration;

    BoundedResponse(Response response, RunDeadline.Registration registration) {
        this.response = response;
        this.registration = registration;
    }

    public int status() {
        return response.code();
    }

    public String message() {
        return response.message();
    }

    public String header(String name) {
        return response.header(name);
    }

    public Headers headers() {
        return response.headers();
    }

    /** The body as a stream (bounded: reading past the limit throws {@link AnswerTooLargeException}). */
    public InputStream stream() {
        ResponseBody body = response.body();
        return body == null ? InputStream.nullInputStream() : body.byteStream();
    }

    /** The whole body as text (bounded by the limit). */
    public String text() throws IOException {
        ResponseBody body = response.body();
        return body == null ? "" : body.string();
    }

    @Override
    public void close() {
        try {
            response.close();
        } finally {
            registration.close();
        }
    }
}

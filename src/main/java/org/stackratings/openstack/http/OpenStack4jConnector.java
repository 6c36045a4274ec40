package org.stackratings.openstack.http;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;
import org.openstack4j.core.transport.ClientConstants;
import org.openstack4j.core.transport.HttpExecutorService;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.core.transport.HttpRequest;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.core.transport.internal.HttpExecutor;
import org.stackratings.openstack.EndpointNotAllowedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * openstack4j's connector (its {@link HttpExecutorService} service-provider interface): sends openstack4j's requests through the session's {@link BoundedClient} bound to the calling
 * thread by {@link CallScope}, so they obey the same policy and limits as the agency's own calls. Unlike
 * openstack4j's OkHttp connector it builds no client per request, follows no redirect, and never re-authenticates
 * on a 401 by itself. Failures surface as {@link UncheckedIOException} (the cause says what happened).
 */
public final class OpenStack4jConnector implements HttpExecutorService {

    private static final OpenStack4jConnector INSTANCE = new OpenStack4jConnector();

    private OpenStack4jConnector() {
    }

    /**
     * Makes this the connector of openstack4j's {@code HttpExecutor}, and checks that it is. openstack4j finds its
     * connector with a ServiceLoader on its own class loader, which in Quarkus dev and test mode does not see the
     * application's classes (the application is loaded by a child of the loader that loads libraries), so a
     * META-INF/services entry is found in the packaged jar only. Setting the executor's field once, at start-up,
     * works in every mode; without any connector openstack4j would refuse every call, so a failure here stops the
     * application.
     */
    public static synchronized void install() {
        HttpExecutor executor = HttpExecutor.create();
        try {
            Field service = HttpExecutor.class.getDeclaredField("service");
            service.setAccessible(true);
            service.set(executor, INSTANCE);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot install the agency's openstack4j connector (openstack4j "
                    + "HttpExecutor.service): openstack4j would make no call", e);
        }
        if (!INSTANCE.getExecutorDisplayName().equals(executor.getExecutorName())) {
            throw new IllegalStateException("openstack4j uses another connector: " + executor.getExecutorName());
        }
    }

    @Override
    public <R> HttpResponse execute(HttpRequest<R> request) {
        BoundedClient client = CallScope.current().orElseThrow(() -> new IllegalStateException(
                "openstack4j was called outside a member session (no CallScope): the call was not sent"));
        HttpUrl url = HttpUrl.parse(request.getUrl());
        if (url == null) {
            throw new EndpointNotAllowedException("the endpoint is not an http(s) URL; nothing was sent");
        }
        Request.Builder builder = new Request.Builder().url(url);
        if (request.hasHeaders()) {
            for (Map.Entry<String, Object> header : request.getHeaders().entrySet()) {
                builder.addHeader(header.getKey(), String.valueOf(header.getValue()));
            }
        }
        builder.method(request.getMethod().name(), body(request));
        try {
            return new OpenStack4jResponse(client.send(builder, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RequestBody body(HttpRequest<?> request) {
        Object entity = request.getEntity();
        MediaType type = MediaType.parse(request.getContentType() == null ? ClientConstants.CONTENT_TYPE_JSON : request.getContentType());
        if (entity instanceof InputStream stream) {
            return new StreamBody(type, stream);
        }
        try {
            if (entity != null) {
                return RequestBody.create(ObjectMapperSingleton.getContext(entity.getClass()).writer().writeValueAsBytes(entity), type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the request entity as JSON", e);
        }
        if (request.hasJson()) {
            return RequestBody.create(request.getJson(), MediaType.parse(ClientConstants.CONTENT_TYPE_JSON));
        }
        HttpMethod method = request.getMethod();
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                ? RequestBody.create(new byte[0], null) : null;
    }

    @Override
    public String getExecutorDisplayName() {
        return "StackRatings bounded OkHttp connector";
    }

    /** An upload streamed once from openstack4j's payload. */
    private static final class StreamBody extends RequestBody {
        private final MediaType type;
        private final InputStream stream;

        StreamBody(MediaType type, InputStream stream) {
            this.type = type;
            this.stream = stream;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try (Source source = Okio.source(stream)) {
                sink.writeAll(source);
            }
        }
    }
}

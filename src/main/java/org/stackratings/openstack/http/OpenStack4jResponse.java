package org.stackratings.openstack.http;

import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.core.transport.ClientConstants;
import org.openstack4j.core.transport.ExecutionOptions;
import org.openstack4j.core.transport.HttpEntityHandler;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.core.transport.ObjectMapperSingleton;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/** openstack4j's view of a {@link BoundedResponse}: entities are read from the bounded stream, never from a whole-body string. */
final class OpenStack4jResponse implements HttpResponse {

    private final BoundedResponse response;

    OpenStack4jResponse(BoundedResponse response) {
        this.response = response;
    }

    @Override
    public <T> T getEntity(Class<T> returnType) {
        return getEntity(returnType, null);
    }

    @Override
    public <T> T getEntity(Class<T> returnType, ExecutionOptions<T> options) {
        return HttpEntityHandler.handle(this, returnType, options, Boolean.TRUE);
    }

    @Override
    public <T> T readEntity(Class<T> typeToReadAs) {
        try (InputStream in = response.stream()) {
            return ObjectMapperSingleton.getContext(typeToReadAs).readerFor(typeToReadAs).readValue(in);
        } catch (IOException e) {
            throw new ClientResponseException("the answer could not be read: " + e.getClass().getSimpleName(), 0, e);
        }
    }

    @Override
    public int getStatus() {
        return response.status();
    }

    @Override
    public String getContentType() {
        return response.header(ClientConstants.HEADER_CONTENT_TYPE);
    }

    @Override
    public String getStatusMessage() {
        return response.message();
    }

    @Override
    public InputStream getInputStream() {
        return response.stream();
    }

    @Override
    public String header(String name) {
        return response.header(name);
    }

    @Override
    public Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        for (String name : response.headers().names()) {
            headers.put(name, response.headers().get(name));
        }
        return headers;
    }

    @Override
    public void close() {
        response.close();
    }
}

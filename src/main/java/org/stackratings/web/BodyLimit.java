package org.stackratings.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;

/**
 * Answers a request whose body exceeds {@code quarkus.http.limits.max-body-size} with a 413 problem+json. Quarkus
 * refuses such a request itself, but with an empty body; this route runs just before its check (order -3 against
 * Quarkus' -2). A declared Content-Length over the limit is refused at once, without reading the body. A POST, PUT
 * or PATCH without Content-Length (sent chunked, or over HTTP/2) is read here by Vert.x's {@link BodyHandler} with
 * the same limit, which fails the request with 413 as soon as the limit is passed; the failure handler answers it.
 * A body within the limit is kept in memory (at most the limit) and handed to the resource as usual.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;
    private final ObjectMapper json;
    private final BodyHandler chunked;
    /** Methods whose requests carry a body; without Content-Length (chunked, or HTTP/2) it is read here. */
    private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max, ObjectMapper json) {
        this.maxBytes = max.asLongValue();
        this.json = json;
        this.chunked = BodyHandler.create(false).setBodyLimit(maxBytes).setMergeFormAttributes(false);
    }

    void install(@Observes Router router) {
        router.route().order(-3).handler(this::check);
        router.route().order(-3).failureHandler(this::failed);
    }

    private void failed(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().ended()) {
            refuse(context);
        } else {
            context.next();
        }
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null && BODY_METHODS.contains(context.request().method())) {
            chunked.handle(context);
            return;
        }
        if (length == null || !length.matches("\\d{1,18}") || Long.parseLong(length) <= maxBytes) {
            context.next();
            return;
        }
        refuse(context);
    }

    private void refuse(RoutingContext context) {
        Problem problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The body exceeds the size limit of " + maxBytes + " bytes",
                context.request().path());
        try {
            context.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close") // the body is not read
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}

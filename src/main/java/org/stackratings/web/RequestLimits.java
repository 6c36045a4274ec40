package org.stackratings.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * Answers a request line or header block over the agency's limits with 414 or 431 problem+json. Vert.x refuses
 * what exceeds its own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) before
 * any route runs, with an empty body, and Quarkus offers no hook for that answer; so Vert.x's limits are set well
 * above the agency's ({@code stackratings.http.*}), and the agency's are checked here, first of all routes. Only a
 * request beyond Vert.x's limits (64 KiB) still gets Vert.x's bare answer. A path or query whose decoded text holds a
 * control character (a NUL above all, which PostgreSQL cannot store or compare) is refused here too, with 400.
 */
@ApplicationScoped
public class RequestLimits {

    private final long maxRequestLine;
    private final long maxHeaderBytes;
    private final ObjectMapper json;

    public RequestLimits(@ConfigProperty(name = "stackratings.http.max-request-line", defaultValue = "4K") MemorySize maxRequestLine,
                         @ConfigProperty(name = "stackratings.http.max-header-size", defaultValue = "20K") MemorySize maxHeaderBytes,
                         ObjectMapper json) {
        this.maxRequestLine = maxRequestLine.asLongValue();
        this.maxHeaderBytes = maxHeaderBytes.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(-4).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        long line = request.method().name().length() + 1 + request.uri().length() + " HTTP/1.1".length();
        if (line > maxRequestLine) {
            refuse(context, ProblemType.URI_TOO_LONG, "The request line has " + line + " bytes; the limit is " + maxRequestLine);
            return;
        }
        if (hasControlCharacter(decode(request.path())) || request.query() != null && hasControlCharacter(decode(request.query()))) {
            refuse(context, ProblemType.BAD_REQUEST, "The path or query holds a control character");
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headers > maxHeaderBytes) {
            refuse(context, ProblemType.HEADERS_TOO_LARGE, "The request headers have " + headers + " bytes; the limit is " + maxHeaderBytes);
            return;
        }
        context.next();
    }

    private static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** The text as a resource will read it, percent-escapes decoded; an undecodable escape is left to Vert.x and JAX-RS. */
    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private void refuse(RoutingContext context, ProblemType type, String detail) {
        String path = context.request().path();
        Problem problem = Problem.of(type, detail, path == null || path.length() > 200 ? null : path);
        try {
            context.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}

package org.stackratings.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The one place that turns exceptions into RFC 9457 problem+json answers. Nothing here echoes
 * request bodies, so secrets sent in a bad request never come back in the error.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    // Details that many operations share; CommonProblemResponses shows them as examples in the OpenAPI document.
    static final String NO_KEY = "This endpoint needs an API key: Authorization: Bearer <key>";
    static final String INVALID_KEY = "The API key is unknown, expired or revoked";
    static final String NOT_ALLOWED = "This API key's role (or, for a provider key, its member) does not allow this request";
    static final String SEND_JSON = "Send application/json";
    static final String NO_REPRESENTATION = "No representation matches the Accept header";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return answer(Problem.of(e.type(), e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return answer(Problem.of(ProblemType.VALIDATION, "The request has " + errors.size() + " invalid field(s)", path(uri))
                .withErrors(errors));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        String where = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? " at '" + m.getPathReference().replaceFirst("^[^\\[]*\\[", "[") + "'" : "";
        String what = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")";
        return answer(Problem.of(ProblemType.MALFORMED_BODY,
                "The body is not valid JSON for this request" + where + what, path(uri)));
    }

    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(INVALID_KEY, "Bearer realm=\"stackratings\", error=\"invalid_token\"", uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(NO_KEY, "Bearer realm=\"stackratings\"", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(Problem.of(ProblemType.FORBIDDEN, NOT_ALLOWED, path(uri)));
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (type) {
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This path does not support the method";
            case UNSUPPORTED_MEDIA_TYPE -> SEND_JSON;
            case NOT_ACCEPTABLE -> NO_REPRESENTATION;
            case PAYLOAD_TOO_LARGE -> "The body exceeds the size limit";
            default -> e.getMessage();
        };
        return answer(new Problem(Problem.of(type, detail, path(uri)).type(), type.title(), status, detail, path(uri), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error, incident %s", incident);
        return answer(Problem.of(ProblemType.INTERNAL,
                "An internal error occurred; quote incident " + incident + " when reporting it", path(uri)));
    }

    private static Response unauthorized(String detail, String challenge, UriInfo uri) {
        return Response.fromResponse(answer(Problem.of(ProblemType.UNAUTHORIZED, detail, path(uri))))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String field(ConstraintViolation<?> violation) {
        // "create.request.credentials.password" -> "credentials.password"
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}

package org.stackratings.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds to the OpenAPI document the problem responses that many operations share, where an operation does not declare
 * them itself: 401 and 403 to every operation with a security requirement, 406 and 500 to every operation, 413 and 415
 * to every operation with a request body. Each comes as application/problem+json with the {@link Problem} schema and
 * examples of what the API answers. What is specific to an operation (its 400, 404 and 409 with their details, a 403
 * that says who may call) stays in the resource's annotations; one of these codes declared there without an example
 * gets the schema and examples from here. Registered with {@code mp.openapi.filter} in application.properties.
 */
public class CommonProblemResponses implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    /** A response this filter adds, with its examples (name and detail). */
    private record Common(ProblemType type, String description, Map<String, String> examples) {
    }

    private static final Common UNAUTHORIZED = new Common(ProblemType.UNAUTHORIZED,
            "No API key, or an unknown, expired or revoked one (WWW-Authenticate: Bearer realm=\"stackratings\")",
            ordered("no key", ProblemMappers.NO_KEY, "unknown key", ProblemMappers.INVALID_KEY));
    private static final Common FORBIDDEN = new Common(ProblemType.FORBIDDEN,
            "The key's role (or, for a provider key, its member) does not allow this request",
            ordered("not allowed", ProblemMappers.NOT_ALLOWED));
    private static final Common NOT_ACCEPTABLE = new Common(ProblemType.NOT_ACCEPTABLE,
            "The Accept header names no media type this operation answers with",
            ordered("Accept: text/csv", ProblemMappers.NO_REPRESENTATION));
    private static final Common PAYLOAD_TOO_LARGE = new Common(ProblemType.PAYLOAD_TOO_LARGE,
            "The body exceeds quarkus.http.limits.max-body-size (1 MB), declared or, sent chunked, as read",
            ordered("over 1 MB", "The body exceeds the size limit of 1048576 bytes"));
    private static final Common UNSUPPORTED_MEDIA_TYPE = new Common(ProblemType.UNSUPPORTED_MEDIA_TYPE,
            "The body is not sent as application/json", ordered("text/plain", ProblemMappers.SEND_JSON));
    private static final Common INTERNAL = new Common(ProblemType.INTERNAL,
            "The agency's own fault; the detail carries an incident id that is also in the log",
            ordered("incident", "An internal error occurred; quote incident 3f2b8c1e-4d5a-4f60-9b7c-2e1d0a9f8b7c when reporting it"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getResponses() == null) {
                operation.setResponses(OASFactory.createAPIResponses());
            }
            APIResponses responses = operation.getResponses();
            String instance = instance(path, item, operation);
            for (Common c : commonTo(operation, securedByDefault)) {
                String code = Integer.toString(c.type().status());
                APIResponse declared = responses.getAPIResponse(code);
                if (declared == null) {
                    responses.addAPIResponse(code, response(c, instance));
                } else {
                    complete(declared, c, instance);
                }
            }
        }));
    }

    private static List<Common> commonTo(Operation operation, boolean securedByDefault) {
        List<Common> common = new ArrayList<>();
        boolean secured = operation.getSecurity() == null ? securedByDefault : !operation.getSecurity().isEmpty();
        if (secured) {
            common.add(UNAUTHORIZED);
            common.add(FORBIDDEN);
        }
        common.add(NOT_ACCEPTABLE);
        if (operation.getRequestBody() != null) {
            common.add(PAYLOAD_TOO_LARGE);
            common.add(UNSUPPORTED_MEDIA_TYPE);
        }
        common.add(INTERNAL);
        return common;
    }

    private static APIResponse response(Common common, String instance) {
        APIResponse response = OASFactory.createAPIResponse().description(common.description());
        complete(response, common, instance);
        return response;
    }

    /** Gives a response the problem media type, schema and examples, where it lacks them. */
    private static void complete(APIResponse response, Common common, String instance) {
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent());
        }
        MediaType media = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (media == null) {
            if (!response.getContent().getMediaTypes().isEmpty()) {
                return; // declared with another media type: leave it, the OpenAPI test reports it
            }
            media = OASFactory.createMediaType();
            response.getContent().addMediaType(Problem.MEDIA_TYPE, media);
        }
        if (media.getSchema() == null) {
            media.setSchema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        }
        if ((media.getExamples() == null || media.getExamples().isEmpty()) && media.getExample() == null) {
            for (Map.Entry<String, String> e : common.examples().entrySet()) {
                media.addExample(e.getKey(), example(common.type(), e.getValue(), instance));
            }
        }
    }

    private static Example example(ProblemType type, String detail, String instance) {
        Map<String, Object> value = new LinkedHashMap<>();
        Problem problem = Problem.of(type, detail, instance);
        value.put("type", problem.type());
        value.put("title", problem.title());
        value.put("status", problem.status());
        value.put("detail", problem.detail());
        value.put("instance", problem.instance());
        return OASFactory.createExample().value(value);
    }

    /** The path as a request would have it: each path parameter replaced by its example, where it has one. */
    private static String instance(String path, PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        String instance = path;
        for (Parameter p : parameters) {
            if (p.getIn() == Parameter.In.PATH && p.getExample() != null) {
                instance = instance.replace("{" + p.getName() + "}", p.getExample().toString());
            }
        }
        return instance;
    }

    private static Map<String, String> ordered(String... nameAndDetail) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameAndDetail.length; i += 2) {
            map.put(nameAndDetail[i], nameAndDetail[i + 1]);
        }
        return map;
    }
}

package org.stackratings.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stackratings.ApiTestSupport.createMember;

/**
 * Holds the OpenAPI document (/q/openapi) to what docs/api.md promises: every operation under /api/v1, /badges and
 * /.well-known shows an example of each success body, declares the errors it can give as problem+json with examples,
 * and says whether it needs a key; and the running API agrees with what the document says about keys. The document
 * drives every check, so a new endpoint is checked without a change here.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final List<String> DOCUMENTED = List.of("/api/v1/", "/badges/", "/.well-known/");
    /** Public: ratings (with actions and compliance), methodology, statistics, badges, the JWK set. */
    private static final List<String> PUBLIC = List.of("/api/v1/ratings", "/api/v1/methodology", "/api/v1/statistics",
            "/api/v1/certifications", "/badges/", "/.well-known/jwks.json");
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String PROBLEM_TYPE = "urn:stackratings:problem:";

    private static JsonNode document;

    /** One operation of the document. */
    record Operation(String method, String path, JsonNode node) {

        boolean secured() {
            return node.path("security").size() > 0;
        }

        JsonNode responses() {
            return node.path("responses");
        }

        boolean has(String in) {
            return stream(node.path("parameters")).anyMatch(p -> in.equals(p.path("in").asText()));
        }

        boolean hasBody() {
            return node.has("requestBody");
        }

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOperationShowsExamplesAndItsProblems() {
        return operations().stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
            List<String> faults = new ArrayList<>();
            JsonNode responses = op.responses();
            responses.fieldNames().forEachRemaining(code -> checkResponse(code, responses.get(code), faults));
            if (op.hasBody()) {
                checkExamples("request body", op.node().path("requestBody").path("content"), faults);
            }
            if (fieldNames(responses).stream().noneMatch(code -> code.startsWith("4"))) {
                faults.add("no 4xx response");
            }
            expect(op.has("path"), responses, "404", "it has path parameters", faults);
            expect(op.has("query") || op.hasBody(), responses, "400", "it takes query parameters or a body", faults);
            expect(op.secured(), responses, "401", "it needs a key", faults);
            expect(op.secured(), responses, "403", "it needs a key", faults);
            expect(op.hasBody(), responses, "413", "it takes a body", faults);
            expect(op.hasBody(), responses, "415", "it takes a body", faults);
            expect(true, responses, "406", "every operation answers with some media type", faults);
            expect(true, responses, "500", "every operation can fail", faults);
            assertThat(faults).as(op + " in the OpenAPI document").isEmpty();
        }));
    }

    @Test
    void publicOperationsNeedNoKeyAndTheOthersNeedTheApiKeyScheme() {
        JsonNode schemes = document().path("components").path("securitySchemes");
        List<Operation> operations = operations();
        assertThat(operations).filteredOn(op -> isPublic(op.path())).extracting(Operation::toString)
                .contains("GET /api/v1/ratings", "GET /api/v1/ratings/{member}/compliance", "GET /api/v1/methodology",
                        "GET /api/v1/statistics/transitions", "GET /badges/{member}.svg", "GET /.well-known/jwks.json");
        for (Operation op : operations) {
            if (isPublic(op.path())) {
                assertThat(op.secured()).as(op + " is public but has a security requirement").isFalse();
            } else {
                assertThat(op.secured()).as(op + " needs a key but has no security requirement").isTrue();
                stream(op.node().path("security")).flatMap(r -> fieldNames(r).stream()).forEach(scheme ->
                        assertThat(schemes.has(scheme)).as(op + " names an undeclared security scheme " + scheme).isTrue());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> withoutAKeyEveryOperationAnswers401ExactlyWhenTheDocumentSaysItNeedsOne() {
        String member = createMember("openapi");
        return operations().stream().map(op -> DynamicTest.dynamicTest(op + (op.secured() ? " -> 401" : " -> not 401"), () -> {
            RequestSpecification request = RestAssured.given();
            if (op.hasBody()) {
                request.contentType(ContentType.JSON).body("{}");
            }
            // auth comes before the resource, so a path value that does not exist is fine for secured operations
            String path = op.path().replace("{member}", member).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Response response = request.request(op.method().toUpperCase(Locale.ROOT), path);
            if (op.secured()) {
                assertThat(response.statusCode()).as(op + ": " + response.asString()).isEqualTo(401);
                assertThat(response.jsonPath().getString("detail")).as("detail of the documented 401 example")
                        .isIn(exampleDetails(op.responses().path("401")));
            } else {
                assertThat(response.statusCode()).as(op + ": " + response.asString()).isNotEqualTo(401).isLessThan(500);
            }
        }));
    }

    @Test
    void everySchemaReferenceResolves() {
        JsonNode schemas = document().path("components").path("schemas");
        List<String> dangling = new ArrayList<>();
        collectReferences(document(), dangling);
        dangling.removeIf(ref -> ref.startsWith("#/components/schemas/")
                && schemas.has(ref.substring("#/components/schemas/".length())));
        assertThat(dangling).as("$ref without a component").isEmpty();
    }

    private static void checkResponse(String code, JsonNode response, List<String> faults) {
        JsonNode content = response.path("content");
        if (code.startsWith("2")) {
            checkExamples(code, content, faults);
            fieldNames(content).stream().filter(mediaType -> !hasExample(content.get(mediaType)))
                    .forEach(mediaType -> faults.add(code + " " + mediaType + " has no example"));
        } else if (code.startsWith("4") || code.startsWith("5")) {
            if (!fieldNames(content).equals(List.of(Problem.MEDIA_TYPE))) {
                faults.add(code + " is " + fieldNames(content) + ", not only " + Problem.MEDIA_TYPE);
                return;
            }
            JsonNode problem = content.get(Problem.MEDIA_TYPE);
            if (!PROBLEM_SCHEMA.equals(problem.path("schema").path("$ref").asText())) {
                faults.add(code + " has schema " + problem.path("schema") + ", not " + PROBLEM_SCHEMA);
            }
            if (!hasExample(problem)) {
                faults.add(code + " has no example");
            }
            checkExamples(code, content, faults);
            examples(problem).forEach((name, value) -> {
                if (value.path("status").asInt() != Integer.parseInt(code) || !value.path("type").asText().startsWith(PROBLEM_TYPE)) {
                    faults.add(code + " example '" + name + "' is not a " + code + " problem: " + value);
                }
            });
        }
    }

    /** Examples of JSON media types must be JSON (SmallRye keeps an example it cannot parse as a string); others text. */
    private static void checkExamples(String where, JsonNode content, List<String> faults) {
        for (String mediaType : fieldNames(content)) {
            boolean json = mediaType.equals("application/json") || mediaType.endsWith("+json");
            examples(content.get(mediaType)).forEach((name, value) -> {
                if (json && value.isTextual()) {
                    try {
                        JSON.readTree(value.asText());
                    } catch (JsonProcessingException e) {
                        faults.add(where + " " + mediaType + " example '" + name + "' is not JSON: " + e.getOriginalMessage());
                    }
                } else if (!json && !value.isTextual()) {
                    faults.add(where + " " + mediaType + " example '" + name + "' is not text");
                }
            });
        }
    }

    private static void expect(boolean when, JsonNode responses, String code, String because, List<String> faults) {
        if (when && !responses.has(code)) {
            faults.add("no " + code + " response, though " + because);
        }
    }

    private static boolean hasExample(JsonNode mediaType) {
        return mediaType.has("example") || mediaType.path("examples").size() > 0;
    }

    private static Map<String, JsonNode> examples(JsonNode mediaType) {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        if (mediaType.has("example")) {
            all.put("example", mediaType.get("example"));
        }
        mediaType.path("examples").fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue().path("value")));
        return all;
    }

    private static List<String> exampleDetails(JsonNode response) {
        return examples(response.path("content").path(Problem.MEDIA_TYPE)).values().stream()
                .map(v -> v.path("detail").asText()).toList();
    }

    private static boolean isPublic(String path) {
        return PUBLIC.stream().anyMatch(path::startsWith);
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject() && node.has("$ref")) {
            references.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectReferences(child, references));
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = document().path("paths");
        for (String path : fieldNames(paths)) {
            if (DOCUMENTED.stream().anyMatch(path::startsWith)) {
                for (String method : fieldNames(paths.get(path))) {
                    if (METHODS.contains(method)) {
                        operations.add(new Operation(method, path, paths.get(path).get(method)));
                    }
                }
            }
        }
        assertThat(operations).as("operations in the OpenAPI document").isNotEmpty();
        return operations;
    }

    private static synchronized JsonNode document() {
        if (document == null) {
            document = fetchDocument();
        }
        return document;
    }

    private static JsonNode fetchDocument() {
        String body = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("/q/openapi?format=json is not JSON", e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}

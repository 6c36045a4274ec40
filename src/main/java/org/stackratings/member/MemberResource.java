package org.stackratings.member;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.security.Roles;
import org.stackratings.web.PageRequest;
import org.stackratings.web.PageView;
import org.stackratings.web.Problem;
import org.stackratings.web.ProblemException;

/** Admin API: onboard, read, replace and withdraw members. */
@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Members", description = "Onboarding member clouds (admin)")
@SecurityRequirement(name = "apiKey")
public class MemberResource {

    private static final String INVALID_FIELDS = """
            {"type": "urn:stackratings:problem:validation", "title": "Invalid input", "status": 400,
             "detail": "The request has 3 invalid field(s)", "instance": "/api/v1/members",
             "errors": [{"field": "authUrl", "message": "must not be blank"},
                        {"field": "project.identified", "message": "give the project id, or its name (and domain, default 'Default')"},
                        {"field": "slug", "message": "must match ^[a-z0-9][a-z0-9-]{1,62}$"}]}""";
    private static final String UNKNOWN_FIELD = """
            {"type": "urn:stackratings:problem:malformed-body", "title": "Malformed request body", "status": 400,
             "detail": "The body is not valid JSON for this request at '[\\"colour\\"]' (line 1, column 36)",
             "instance": "/api/v1/members"}""";
    private static final String NIMBUS_NOT_FOUND = """
            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
             "detail": "member 'nimbus' does not exist", "instance": "/api/v1/members/nimbus"}""";
    private static final String WITHDRAWN = """
            {"type": "urn:stackratings:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "member 'my-cloud' was withdrawn on 2026-11-26T02:55:52.534727Z and cannot change",
             "instance": "/api/v1/members/my-cloud"}""";

    private static final String NO_CREDENTIALS = """
            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
             "detail": "credentials: required when onboarding a member", "instance": "/api/v1/members"}""";
    private static final String INTERVAL_TOO_SHORT = """
            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
             "detail": "probes.api.interval: must be between PT10S and P7D, got PT1S", "instance": "/api/v1/members"}""";
    // Refused endpoints (EndpointRules; docs/api.md, "Refused endpoints")
    private static final String METADATA_ADDRESS = """
            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
             "detail": "authUrl: 169.254.169.254 is a non-public address (link local), which the agency does not connect to unless its range is allowed: allowedRanges for this member, stackratings.egress.allowed-ranges for every member",
             "instance": "/api/v1/members"}""";
    private static final String NAME_OF_A_PRIVATE_ADDRESS = """
            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
             "detail": "allowedHosts[1]: nova.internal.example.com resolves to a non-public address (private), which the agency does not connect to unless its range is allowed: allowedRanges for this member, stackratings.egress.allowed-ranges for every member",
             "instance": "/api/v1/members"}""";
    private static final String SPECIAL_USE_NAME = """
            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
             "detail": "authUrl: 'localhost' is a special-use name (.localhost) that never names a member's cloud",
             "instance": "/api/v1/members"}""";
    private static final String USER_INFO = """
            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
             "detail": "authUrl: must not carry user information (user:password@); the probe account goes in credentials",
             "instance": "/api/v1/members"}""";
    private static final String PLAIN_HTTP = """
            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
             "detail": "authUrl: must use https; plain http only for a member marked insecure (\\"insecure\\": true) or where stackratings.egress.allow-http is true",
             "instance": "/api/v1/members"}""";
    private static final String QUERY_STRING = """
            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
             "detail": "authUrl: must not have a query string", "instance": "/api/v1/members"}""";
    private static final String BAD_PORT = """
            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
             "detail": "authUrl: port must be from 1 to 65535, got 70000", "instance": "/api/v1/members"}""";
    private static final String BAD_RANGE = """
            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
             "detail": "allowedRanges[0]: '10.0.0.0/33' is not an IP address or CIDR block (e.g. 10.0.0.0/8, fd00::/8)",
             "instance": "/api/v1/members"}""";

    private final MemberService members;

    public MemberResource(MemberService members) {
        this.members = members;
    }

    @POST
    @Operation(summary = "Onboard a member", description = "Credentials are encrypted at rest and never returned"
            + " (secretStored says one is on file). The api probe is on unless disabled; lifecycle and compliance are off"
            + " unless enabled. A slug is fixed for life and never reused.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberRequest.class),
            examples = @ExampleObject(name = "password credentials", value = MemberRequest.EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Onboarded; Location names the member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class),
                    examples = @ExampleObject(name = "my-cloud", value = MemberView.EXAMPLE_MY_CLOUD)))
    @APIResponse(responseCode = "400", description = "Fields fail validation, the body is malformed, credentials are"
            + " missing, a probe interval is out of range (PT10S to P7D), or an endpoint is refused: the auth URL or an"
            + " allowed host is (or resolves to) a non-public address outside the allowed ranges, or is a special-use name;"
            + " the auth URL carries user information, a query or a fragment, uses http where it is not allowed, or has a"
            + " port outside 1-65535; an allowed range is not CIDR. The detail starts with the field.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "invalid fields", value = INVALID_FIELDS),
                    @ExampleObject(name = "unknown field", value = UNKNOWN_FIELD),
                    @ExampleObject(name = "no credentials", value = NO_CREDENTIALS),
                    @ExampleObject(name = "interval too short", value = INTERVAL_TOO_SHORT),
                    @ExampleObject(name = "metadata address", value = METADATA_ADDRESS),
                    @ExampleObject(name = "host resolves to a private address", value = NAME_OF_A_PRIVATE_ADDRESS),
                    @ExampleObject(name = "special-use name", value = SPECIAL_USE_NAME),
                    @ExampleObject(name = "password in the URL", value = USER_INFO),
                    @ExampleObject(name = "plain http", value = PLAIN_HTTP),
                    @ExampleObject(name = "query string", value = QUERY_STRING),
                    @ExampleObject(name = "port out of range", value = BAD_PORT),
                    @ExampleObject(name = "not a range", value = BAD_RANGE)}))
    @APIResponse(responseCode = "409", description = "A member with this slug exists, or existed and was withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "slug taken", value = """
                            {"type": "urn:stackratings:problem:conflict", "title": "Conflict", "status": 409,
                             "detail": "member 'aurora' already exists (slugs of withdrawn members are not reused)",
                             "instance": "/api/v1/members"}""")))
    public Response create(@NotNull @Valid MemberRequest request, UriInfo uri) {
        MemberView created = members.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.slug()).build()).entity(created).build();
    }

    @GET
    @Operation(summary = "Members, by slug", description = "Active and withdrawn members, paged.")
    @APIResponse(responseCode = "200", description = "A page of members",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = MemberView.class)),
                    examples = @ExampleObject(name = "first of four", value = """
                            {"items": [""" + MemberView.EXAMPLE_AURORA + """
                            ],
                             "page": 0, "size": 1, "total": 4,
                             "links": {"self": "/api/v1/members?page=0&size=1", "next": "/api/v1/members?page=1&size=1", "prev": null}}""")))
    @APIResponse(responseCode = "400", description = "page below 0, or size outside 1–500",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad page", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "page must be 0 or more, got -1", "instance": "/api/v1/members"}""")))
    public PageView<MemberView> list(@Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") Integer page,
                                     @Parameter(description = "Page size, 1–500 (default 50)", example = "50") @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        return PageView.of(members.list(request), request, members.count(), "/api/v1/members");
    }

    @GET
    @Path("{member}")
    @Operation(summary = "One member", description = "Also a withdrawn one (status WITHDRAWN, withdrawnAt).")
    @APIResponse(responseCode = "200", description = "The member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class),
                    examples = @ExampleObject(name = "aurora", value = MemberView.EXAMPLE_AURORA)))
    @APIResponse(responseCode = "404", description = "No such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = NIMBUS_NOT_FOUND)))
    public MemberView get(@Parameter(description = "The member's slug", example = "aurora") @PathParam("member") String slug) {
        return members.find(slug).orElseThrow(() -> ProblemException.notFound("member", slug));
    }

    @PUT
    @Path("{member}")
    @Operation(summary = "Replace a member's settings", description = "The whole body as for onboarding; credentials may"
            + " be left out to keep the stored ones, and slug may be left out (it cannot change).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberRequest.class),
            examples = @ExampleObject(name = "keep credentials", value = MemberRequest.EXAMPLE_REPLACE)))
    @APIResponse(responseCode = "200", description = "The member as replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberView.class),
                    examples = @ExampleObject(name = "my-cloud", value = MemberView.EXAMPLE_MY_CLOUD)))
    @APIResponse(responseCode = "400", description = "Fields fail validation, the body is malformed, the slug in the body"
            + " differs from the path, a probe interval is out of range, or an endpoint is refused (as for onboarding)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "slug differs", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "slug: 'other' in the body differs from the path ('my-cloud'); a slug cannot change",
                             "instance": "/api/v1/members/my-cloud"}"""),
                    @ExampleObject(name = "metadata address", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "authUrl: 169.254.169.254 is a non-public address (link local), which the agency does not connect to unless its range is allowed: allowedRanges for this member, stackratings.egress.allowed-ranges for every member",
                             "instance": "/api/v1/members/my-cloud"}"""),
                    @ExampleObject(name = "invalid fields", value = """
                            {"type": "urn:stackratings:problem:validation", "title": "Invalid input", "status": 400,
                             "detail": "The request has 1 invalid field(s)", "instance": "/api/v1/members/my-cloud",
                             "errors": [{"field": "region", "message": "must not be blank"}]}""")}))
    @APIResponse(responseCode = "404", description = "No such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = NIMBUS_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The member was withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "withdrawn", value = WITHDRAWN)))
    public MemberView replace(@Parameter(description = "The member's slug", example = "my-cloud") @PathParam("member") String slug,
                              @NotNull @Valid MemberRequest request) {
        return members.replace(slug, request);
    }

    @DELETE
    @Path("{member}")
    @Operation(summary = "Withdraw a member", description = "Its probes stop and its rating becomes WR; its history stays.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = NIMBUS_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Withdrawn already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "withdrawn", value = WITHDRAWN)))
    public Response withdraw(@Parameter(description = "The member's slug", example = "my-cloud") @PathParam("member") String slug) {
        members.withdraw(slug);
        return Response.noContent().build();
    }
}

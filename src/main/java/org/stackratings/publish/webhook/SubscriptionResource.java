package org.stackratings.publish.webhook;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import java.util.Locale;
import java.util.UUID;

/** Webhook subscriptions of the calling API key (exchange or admin); docs/webhooks.md. */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EXCHANGE, Roles.ADMIN})
@Tag(name = "Webhooks", description = "Rating actions pushed as signed CloudEvents (exchange, admin)")
@SecurityRequirement(name = "apiKey")
public class SubscriptionResource {

    private static final String PATH = "/api/v1/subscriptions";

    /** A subscription whose receiver does not answer (dev mode), as every read shows it. */
    private static final String SUBSCRIPTION = """
            {"id": "a2d5810a-ae98-4e5d-a1fa-ca78694aca6b", "targetUrl": "https://exchange.example.com/hooks/stackratings",
             "description": "listing gate", "owner": "key:3f9c0a1b2c3d4e5f", "createdAt": "2026-11-26T02:55:35.829726Z",
             "startCursor": "djE6NDY", "deliveries": {"pending": 12, "delivered": 0, "failed": 0},
             "lastFailure": {"eventId": "rating-action-47", "sequence": 47, "status": "PENDING", "attempts": 3,
                             "createdAt": "2026-11-26T02:55:43.619510Z", "lastAttemptAt": "2026-11-26T02:56:16.474828Z",
                             "nextAttemptAt": "2026-11-26T02:56:38.196828Z", "lastStatusCode": null, "lastError": "cannot connect",
                             "finishedAt": null}}""";
    private static final String UNKNOWN = """
            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
             "detail": "subscription '0f0e2c1a-1b2c-4d3e-8f90-a1b2c3d4e5f6' does not exist",
             "instance": "/api/v1/subscriptions/0f0e2c1a-1b2c-4d3e-8f90-a1b2c3d4e5f6"}""";
    private static final String BAD_PAGING = """
            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
             "detail": "size must be between 1 and 500, got 501", "instance": "/api/v1/subscriptions"}""";

    private final SubscriptionService subscriptions;
    private final SecurityIdentity identity;

    public SubscriptionResource(SubscriptionService subscriptions, SecurityIdentity identity) {
        this.subscriptions = subscriptions;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Subscribe a URL to every rating action",
            description = "The answer carries the signing secret this once (the one sent, or a generated one). Events are CloudEvents 1.0 "
                    + "(structured JSON) signed in X-StackRatings-Signature.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionRequest.class),
            examples = {
                    @ExampleObject(name = "generated secret", value = """
                            {"targetUrl": "https://exchange.example.com/hooks/stackratings", "description": "listing gate"}"""),
                    @ExampleObject(name = "own secret", value = """
                            {"targetUrl": "https://exchange.example.com/hooks/stackratings", "description": "listing gate",
                             "secret": "a-secret-of-at-least-24-characters"}""")}))
    @APIResponse(responseCode = "201", description = "Subscribed; Location names the subscription. secret is shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionCreated.class),
                    examples = @ExampleObject(name = "generated secret", value = """
                            {"id": "a2d5810a-ae98-4e5d-a1fa-ca78694aca6b", "targetUrl": "https://exchange.example.com/hooks/stackratings",
                             "description": "listing gate", "owner": "key:3f9c0a1b2c3d4e5f", "createdAt": "2026-11-26T02:55:35.829726111Z",
                             "startCursor": "djE6NDY", "deliveries": {"pending": 0, "delivered": 0, "failed": 0}, "lastFailure": null,
                             "secret": "whsec_cnJVnRSn-wT-x2qzklFLIigDyC9m58nww9a9LlIDb_c"}""")))
    @APIResponse(responseCode = "400", description = "targetUrl refused (scheme, host, non-public address), secret too short, or a malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "private address", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "targetUrl resolves to a non-public address (loopback, link-local, private or reserved)",
                             "instance": "/api/v1/subscriptions"}"""),
                    @ExampleObject(name = "not https", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "targetUrl must use https", "instance": "/api/v1/subscriptions"}"""),
                    @ExampleObject(name = "short secret", value = """
                            {"type": "urn:stackratings:problem:validation", "title": "Invalid input", "status": 400,
                             "detail": "The request has 1 invalid field(s)", "instance": "/api/v1/subscriptions",
                             "errors": [{"field": "secret", "message": "size must be between 24 and 200"}]}""")}))
    @APIResponse(responseCode = "409", description = "This key holds stackratings.webhook.max-subscriptions-per-key (20) subscriptions already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "at the limit", value = """
                            {"type": "urn:stackratings:problem:conflict", "title": "Conflict", "status": 409,
                             "detail": "this API key has 20 subscriptions already; delete one first", "instance": "/api/v1/subscriptions"}""")))
    public Response create(@NotNull @Valid SubscriptionRequest request, UriInfo uri) {
        SubscriptionCreated created = subscriptions.create(caller(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.subscription().id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Operation(summary = "This key's subscriptions (an admin sees all)")
    @APIResponse(responseCode = "200", description = "A page of subscriptions, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = SubscriptionView.class)),
                    examples = @ExampleObject(name = "one subscription", value = """
                            {"items": [""" + SUBSCRIPTION + """
                            ],
                             "page": 0, "size": 50, "total": 1,
                             "links": {"self": "/api/v1/subscriptions?page=0&size=50", "next": null, "prev": null}}""")))
    @APIResponse(responseCode = "400", description = "page below 0, or size outside 1–500",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad size", value = BAD_PAGING)))
    public PageView<SubscriptionView> list(@Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") Integer page,
                                           @Parameter(description = "Page size, 1–500 (default 50)", example = "50") @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        SubscriptionService.Caller caller = caller();
        return PageView.of(subscriptions.list(caller, paging.offset(), paging.size()), paging, subscriptions.count(caller), PATH);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One subscription with its delivery counts and latest failure")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class),
                    examples = @ExampleObject(name = "receiver down", value = SUBSCRIPTION)))
    @APIResponse(responseCode = "404", description = "No such subscription, or it belongs to another key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown subscription", value = UNKNOWN)))
    public SubscriptionView get(@Parameter(description = "The subscription's id", example = "a2d5810a-ae98-4e5d-a1fa-ca78694aca6b")
                                @PathParam("id") String id) {
        return subscriptions.find(caller(), uuid(id)).orElseThrow(() -> ProblemException.notFound("subscription", id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Unsubscribe; deliveries not yet made are dropped")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "404", description = "No such subscription, or it belongs to another key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown subscription", value = UNKNOWN)))
    public Response delete(@Parameter(description = "The subscription's id", example = "a2d5810a-ae98-4e5d-a1fa-ca78694aca6b")
                           @PathParam("id") String id) {
        if (!subscriptions.delete(caller(), uuid(id))) {
            throw ProblemException.notFound("subscription", id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "A subscription's deliveries, newest first", description = "status: PENDING, DELIVERED or FAILED")
    @APIResponse(responseCode = "200", description = "A page of deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = DeliveryView.class)),
                    examples = @ExampleObject(name = "receiver down", value = """
                            {"items": [{"eventId": "rating-action-58", "sequence": 58, "status": "PENDING", "attempts": 0,
                                        "createdAt": "2026-11-26T02:56:19.623213Z", "lastAttemptAt": null,
                                        "nextAttemptAt": "2026-11-26T02:56:19.623213Z", "lastStatusCode": null, "lastError": null,
                                        "finishedAt": null},
                                       {"eventId": "rating-action-57", "sequence": 57, "status": "PENDING", "attempts": 0,
                                        "createdAt": "2026-11-26T02:56:11.619767Z", "lastAttemptAt": null,
                                        "nextAttemptAt": "2026-11-26T02:56:38.196828Z", "lastStatusCode": null,
                                        "lastError": "not sent yet: an earlier event failed (cannot connect)", "finishedAt": null}],
                             "page": 0, "size": 2, "total": 12,
                             "links": {"self": "/api/v1/subscriptions/a2d5810a-ae98-4e5d-a1fa-ca78694aca6b/deliveries?page=0&size=2",
                                       "next": "/api/v1/subscriptions/a2d5810a-ae98-4e5d-a1fa-ca78694aca6b/deliveries?page=1&size=2",
                                       "prev": null}}""")))
    @APIResponse(responseCode = "400", description = "Unknown status, or bad paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown status", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "status must be PENDING, DELIVERED or FAILED",
                             "instance": "/api/v1/subscriptions/a2d5810a-ae98-4e5d-a1fa-ca78694aca6b/deliveries"}""")))
    @APIResponse(responseCode = "404", description = "No such subscription, or it belongs to another key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown subscription", value = """
                            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
                             "detail": "subscription '0f0e2c1a-1b2c-4d3e-8f90-a1b2c3d4e5f6' does not exist",
                             "instance": "/api/v1/subscriptions/0f0e2c1a-1b2c-4d3e-8f90-a1b2c3d4e5f6/deliveries"}""")))
    public PageView<DeliveryView> deliveries(
            @Parameter(description = "The subscription's id", example = "a2d5810a-ae98-4e5d-a1fa-ca78694aca6b") @PathParam("id") String id,
            @Parameter(description = "PENDING, DELIVERED or FAILED (any case); all when absent", example = "FAILED") @QueryParam("status") String status,
            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1–500 (default 50)", example = "50") @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        DeliveryStatus filter = status(status);
        UUID key = uuid(id);
        var items = subscriptions.deliveries(caller(), key, filter, paging.offset(), paging.size())
                .orElseThrow(() -> ProblemException.notFound("subscription", id));
        return PageView.of(items, paging, subscriptions.countDeliveries(key, filter),
                PATH + "/" + id + "/deliveries" + (filter == null ? "" : "?status=" + filter));
    }

    private SubscriptionService.Caller caller() {
        return new SubscriptionService.Caller(identity.getPrincipal().getName(), identity.hasRole(Roles.ADMIN));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("subscription", id);
        }
    }

    private static DeliveryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status must be PENDING, DELIVERED or FAILED");
        }
    }
}

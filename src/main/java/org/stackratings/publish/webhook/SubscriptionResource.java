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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.security.Roles;
import org.stackratings.web.PageRequest;
import org.stackratings.web.PageView;
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
    @APIResponse(responseCode = "201", description = "Subscribed; Location names the subscription")
    @APIResponse(responseCode = "400", description = "targetUrl refused (scheme, host, non-public address) or secret too short")
    @APIResponse(responseCode = "413", description = "Body too large")
    public Response create(@NotNull @Valid SubscriptionRequest request, UriInfo uri) {
        SubscriptionCreated created = subscriptions.create(caller(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.subscription().id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Operation(summary = "This key's subscriptions (an admin sees all)")
    public PageView<SubscriptionView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        SubscriptionService.Caller caller = caller();
        return PageView.of(subscriptions.list(caller, paging.offset(), paging.size()), paging, subscriptions.count(caller), PATH);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One subscription with its delivery counts and latest failure")
    public SubscriptionView get(@PathParam("id") String id) {
        return subscriptions.find(caller(), uuid(id)).orElseThrow(() -> ProblemException.notFound("subscription", id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Unsubscribe; deliveries not yet made are dropped")
    public Response delete(@PathParam("id") String id) {
        if (!subscriptions.delete(caller(), uuid(id))) {
            throw ProblemException.notFound("subscription", id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "A subscription's deliveries, newest first", description = "status: PENDING, DELIVERED or FAILED")
    public PageView<DeliveryView> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
                                             @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
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

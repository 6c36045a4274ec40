package org.stackratings.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.stackratings.security.ApiKeyIdentityProvider;
import org.stackratings.security.KeyPrincipal;
import org.stackratings.security.MemberAccess;
import org.stackratings.security.Roles;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The provider dashboard: {@code /dashboard/{member}} for the member's provider (logged in with its provider key) and
 * admins; another provider gets a 403 page, a browser without a session the login page. The same rule as the API
 * ({@link MemberAccess}). Also the CSV of the member's measurements ({@link MeasurementCsv}).
 */
@Path("/dashboard")
public class MemberPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance member(MemberPageView page);
    }

    private final SecurityIdentity identity;
    private final MemberAccess access;
    private final MemberDashboard dashboard;
    private final MeasurementCsv csv;

    public MemberPage(SecurityIdentity identity, MemberAccess access, MemberDashboard dashboard, MeasurementCsv csv) {
        this.identity = identity;
        this.access = access;
        this.dashboard = dashboard;
        this.csv = csv;
    }

    /** A provider goes to its member's page, an admin to the list of all members. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response home() {
        Optional<KeyPrincipal> key = key();
        if (key.isEmpty()) {
            return Response.seeOther(URI.create("/login?next=" + encode("/dashboard"))).build();
        }
        return Response.seeOther(URI.create(Roles.PROVIDER.equals(key.get().role()) && key.get().member() != null
                ? "/dashboard/" + key.get().member() : "/")).build();
    }

    @GET
    @Path("{member}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response member(@PathParam("member") String member, @QueryParam("range") String rangeKey) {
        Optional<Response> refused = refuse(member, "/dashboard/" + member + (rangeKey == null ? "" : "?range=" + rangeKey));
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Range> range = Range.of(rangeKey);
        if (range.isEmpty()) {
            return MessagePage.of(Response.Status.BAD_REQUEST, "Unknown time range",
                    "The range must be one of 24h, 7d, 30d or 90d.", "/dashboard/" + member, "Show the last 7 days");
        }
        KeyPrincipal key = key().orElseThrow();
        MemberPageView.Viewer viewer = new MemberPageView.Viewer(key.name(), key.role(), key.member());
        return dashboard.view(member, range.get(), viewer)
                .map(page -> Response.ok(Templates.member(page)).build())
                .orElseGet(() -> notFound(member));
    }

    @GET
    @Path("{member}/measurements.csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    @Operation(hidden = true)
    public Response measurements(@PathParam("member") String member, @QueryParam("from") String from,
                                 @QueryParam("to") String to) {
        Optional<Response> refused = refuse(member, "/dashboard/" + member);
        if (refused.isPresent()) {
            return refused.get();
        }
        return csv.download(member, from, to).orElseGet(() -> notFound(member));
    }

    /** The login page for a browser without a session, a 403 page for a key without access to the member. */
    private Optional<Response> refuse(String member, String back) {
        Optional<KeyPrincipal> key = key();
        if (key.isEmpty()) {
            return Optional.of(Response.seeOther(URI.create("/login?next=" + encode(back))).build());
        }
        if (!access.allows(identity, member)) {
            String own = key.get().member();
            return Optional.of(MessagePage.of(Response.Status.FORBIDDEN, "Not your member",
                    "You are logged in with the provider key of " + (own == null ? "another member" : "'" + own + "'")
                            + "; it opens that member's dashboard only.",
                    own == null ? "/" : "/dashboard/" + own, own == null ? "All members" : "Go to your dashboard"));
        }
        return Optional.empty();
    }

    private static Response notFound(String member) {
        return MessagePage.of(Response.Status.NOT_FOUND, "No such member", "No member has the slug '" + member + "'.",
                "/", "All members");
    }

    private Optional<KeyPrincipal> key() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getAttribute(ApiKeyIdentityProvider.KEY_ATTRIBUTE));
    }

    private static String encode(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}

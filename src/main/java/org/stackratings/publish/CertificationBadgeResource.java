package org.stackratings.publish;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.certification.CertificateView;
import org.stackratings.certification.CertificationConfig;
import org.stackratings.certification.Certifications;
import org.stackratings.certification.GuidelineId;
import org.stackratings.member.MemberService;
import org.stackratings.member.MemberStatusView;
import org.stackratings.web.Problem;
import org.stackratings.web.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Certification badges (public, cacheable), drawn by the rating badge's template. */
@Path("/api/v1/certifications/{member}/badge.svg")
@Tag(name = "Certifications")
public class CertificationBadgeResource {

    private final Certifications certifications;
    private final MemberService members;
    private final CacheControl cacheControl;

    public CertificationBadgeResource(Certifications certifications, MemberService members, CertificationConfig config) {
        this.certifications = certifications;
        this.members = members;
        this.cacheControl = new CacheControl();
        this.cacheControl.setMaxAge((int) config.badgeMaxAge().toSeconds());
    }

    @GET
    @Produces(BadgeResource.SVG)
    @Operation(summary = "Certification badge", description = "A small SVG: the guideline and whether the member conforms"
            + " to it (conforms, conforms at risk, lapsed, not certified) as text. Without guideline: the valid certificate"
            + " changed last. Cacheable: strong ETag, Cache-Control max-age (stackratings.certification.badge-max-age).")
    @APIResponse(responseCode = "200", description = "The badge", content = @Content(mediaType = BadgeResource.SVG, examples =
            @ExampleObject(name = "aurora", value = """
                    <svg xmlns="http://www.w3.org/2000/svg" width="179" height="20" role="img" aria-label="Aurora (sandbox) conforms to interop guideline 2020.06 (checked by StackRatings), until 2026-12-03T03:00:00Z">
                    <title>Aurora (sandbox) conforms to interop guideline 2020.06 (checked by StackRatings), until 2026-12-03T03:00:00Z</title>
                    <rect width="108" height="20" fill="#3b3b3b"/>
                    <rect x="108" width="71" height="20" fill="#1b7a2f"/>
                    <g fill="#ffffff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
                    <text x="54" y="14">interop 2020.06</text>
                    <text x="143" y="14">conforms</text>
                    </g>
                    </svg>
                    """)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "Bad guideline",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad guideline", value = """
                            {"type": "urn:stackratings:problem:bad-request", "title": "Bad request", "status": 400,
                             "detail": "guideline must be an interoperability guideline id such as 2020.06 (year.month), got 'June'",
                             "instance": "/api/v1/certifications/aurora/badge.svg"}""")))
    @APIResponse(responseCode = "404", description = "No such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = """
                            {"type": "urn:stackratings:problem:not-found", "title": "Not found", "status": 404,
                             "detail": "member 'nimbus' does not exist", "instance": "/api/v1/certifications/nimbus/badge.svg"}""")))
    public Response badge(@Parameter(description = "The member's slug", example = "aurora") @PathParam("member") String member,
                          @Parameter(description = "The guideline of the certificate", example = "2020.06")
                          @QueryParam("guideline") String guideline,
                          @Context Request request) {
        GuidelineId id = GuidelineId.parse("guideline", guideline);
        MemberStatusView status = members.status(member).orElseThrow(() -> ProblemException.notFound("member", member));
        List<CertificateView> all = certifications.ofMember(member).orElseThrow(() -> ProblemException.notFound("member", member));
        CertificateView chosen = Certifications.choose(all, id == null ? null : id.value()).orElse(null);
        Badge badge = Badge.of(status.displayName(), chosen == null ? (id == null ? null : id.value()) : chosen.guideline(), chosen);
        byte[] body = BadgeResource.Templates.badge(badge).render().getBytes(StandardCharsets.UTF_8);
        EntityTag etag = RatingReadModel.etagOf(body);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder response = notModified != null ? notModified : Response.ok(body, BadgeResource.SVG);
        return response.tag(etag).cacheControl(cacheControl).build();
    }
}

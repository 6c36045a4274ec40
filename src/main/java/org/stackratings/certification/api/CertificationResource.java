package org.stackratings.certification.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.stackratings.certification.CertificateView;
import org.stackratings.certification.CertificationStatus;
import org.stackratings.certification.Certifications;
import org.stackratings.certification.GuidelineId;
import org.stackratings.web.PageRequest;
import org.stackratings.web.PageView;
import org.stackratings.web.Problem;
import org.stackratings.web.ProblemException;
import org.stackratings.web.ProblemType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** Public certificates (docs/certification.md): who conforms to which interop guideline, and the proof. */
@Path(CertificationResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certifications", description = "Certificates of conformance to interop guidelines (public)")
public class CertificationResource {

    static final String PATH = "/api/v1/certifications";
    /** The media type of a compact JWS (RFC 7519). */
    static final String JWT = "application/jwt";
    private static final int HISTORY = 50;
    private static final String STATUSES = Arrays.stream(CertificationStatus.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final Certifications certifications;
    private final ObjectMapper json;

    public CertificationResource(Certifications certifications, ObjectMapper json) {
        this.certifications = certifications;
        this.json = json;
    }

    @GET
    @Operation(summary = "Certificates", description = "Every member's certificates, by member; filter by guideline and status.")
    @APIResponse(responseCode = "200", description = "A page of certificates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageView.class,
                    properties = @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = CertificationSummary.class)),
                    examples = @ExampleObject(name = "guideline 2020.06", value = Examples.LIST)))
    @APIResponse(responseCode = "400", description = "Bad guideline, status or paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "bad guideline", value = Examples.BAD_GUIDELINE),
                    @ExampleObject(name = "unknown status", value = Examples.BAD_STATUS)}))
    public PageView<CertificationSummary> list(
            @Parameter(description = "Only certificates of this interop guideline", example = "2020.06") @QueryParam("guideline") String guideline,
            @Parameter(description = "Only certificates in this status: " + "CERTIFIED, AT_RISK, LAPSED, NOT_CERTIFIED (any case)",
                    example = "CERTIFIED") @QueryParam("status") String status,
            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1–500 (default 50)", example = "50") @QueryParam("size") Integer size) {
        GuidelineId id = GuidelineId.parse("guideline", guideline);
        CertificationStatus wanted = status(status);
        PageRequest paging = PageRequest.of(page, size);
        Certifications.Page found = certifications.list(id == null ? null : id.value(), wanted, paging.offset(), paging.size());
        StringBuilder base = new StringBuilder(PATH);
        if (id != null) {
            base.append("?guideline=").append(id.value());
        }
        if (wanted != null) {
            base.append(id == null ? "?" : "&").append("status=").append(wanted.name());
        }
        return PageView.of(found.items().stream().map(CertificationSummary::of).toList(), paging, found.total(),
                base.toString());
    }

    @GET
    @Path("{member}")
    @Operation(summary = "A member's certificates", description = "Status, expiry, lapse time, failing capabilities and"
            + " history of each certificate, with links to the evidence of its runs and to its signed statement.")
    @APIResponse(responseCode = "200", description = "The member's certificates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberCertifications.class),
                    examples = @ExampleObject(name = "borealis, at risk", value = Examples.MEMBER)))
    @APIResponse(responseCode = "404", description = "No such member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown member", value = Examples.NOT_FOUND)))
    public MemberCertifications member(@Parameter(description = "The member's slug", example = "aurora") @PathParam("member") String member) {
        List<CertificateView> all = certificates(member);
        return new MemberCertifications(member, all.stream().anyMatch(CertificateView::valid), all.stream()
                .map(c -> CertificateDetail.of(c, certifications.history(c, HISTORY))).toList());
    }

    @GET
    @Path("{member}/statement")
    @Produces(JWT)
    @Operation(summary = "A certificate's signed statement", description = "A compact JWS (ES256, typ"
            + " certification-statement+jwt) of the certificate: member, guideline, platform, target, the capabilities"
            + " passed, the evidence digest, iat (the passing run's end), exp (the certificate's expiry) and status."
            + " Verify it with /.well-known/jwks.json. Without guideline: the valid certificate changed last.")
    @APIResponse(responseCode = "200", description = "The statement", content = @Content(mediaType = JWT,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "aurora", value = Examples.STATEMENT)))
    @APIResponse(responseCode = "400", description = "Bad guideline",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad guideline", value = Examples.BAD_STATEMENT_GUIDELINE)))
    @APIResponse(responseCode = "404", description = "No such member, or it was never certified for the guideline",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "unknown member", value = Examples.NOT_FOUND),
                    @ExampleObject(name = "never certified", value = Examples.NO_STATEMENT)}))
    public String statement(@Parameter(description = "The member's slug", example = "aurora") @PathParam("member") String member,
                            @Parameter(description = "The guideline of the certificate", example = "2020.06")
                            @QueryParam("guideline") String guideline) {
        GuidelineId id = GuidelineId.parse("guideline", guideline);
        List<CertificateView> all = certificates(member);
        return Certifications.choose(all.stream().filter(c -> c.passedRunId() != null).toList(), id == null ? null : id.value())
                .flatMap(certifications::statement)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "member '" + member + "' was never certified"
                        + (id == null ? "" : " for interop guideline " + id.value()))).jws();
    }

    @GET
    @Path("{member}/runs/{run}")
    @Operation(summary = "The evidence of a conformance run", description = "Each required capability's status, why,"
            + " and the calls made (paths without secrets), with the run's evidence digest (the statement's evidenceDigest).")
    @APIResponse(responseCode = "200", description = "The run's evidence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunEvidence.class),
                    examples = @ExampleObject(name = "cumulus (capabilities shortened)", value = Examples.RUN)))
    @APIResponse(responseCode = "404", description = "No such member, or no such run of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unknown member", value = Examples.NOT_FOUND),
                            @ExampleObject(name = "unknown run", value = Examples.NO_RUN)}))
    public RunEvidence run(@Parameter(description = "The member's slug", example = "cumulus") @PathParam("member") String member,
                           @Parameter(description = "The run's id") @PathParam("run") String run) {
        certificates(member);
        UUID id;
        try {
            id = UUID.fromString(run);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("conformance run", run);
        }
        return certifications.run(member, id).map(r -> RunEvidence.of(member, r, json))
                .orElseThrow(() -> ProblemException.notFound("conformance run", run));
    }

    private List<CertificateView> certificates(String member) {
        return certifications.ofMember(member).orElseThrow(() -> ProblemException.notFound("member", member));
    }

    private static CertificationStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return CertificationStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status must be one of " + STATUSES + " (any case), got '" + status + "'");
        }
    }
}

package org.stackratings.certification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stackratings.certification.CertificationFixture.Member;
import org.stackratings.sandbox.MutableClock;

/** The public certification API: list and its filters, a member's certificates, the signed statement, the evidence. */
@QuarkusTest
class CertificationApiTest {

    MutableClock clock;
    Instant t0;

    @BeforeEach
    void clock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock = new MutableClock(t0);
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void theListFiltersByGuidelineAndStatus() {
        Member certified = CertificationFixture.member("api-certified");
        CertificationFixture.passing(certified, t0);
        Member atRisk = CertificationFixture.member("api-at-risk");
        CertificationFixture.passing(atRisk, t0);
        CertificationFixture.failing(atRisk, t0.plusSeconds(10), "compute-servers-create");

        JsonPath risky = RestAssured.get("/api/v1/certifications?guideline=2020.06&status=at_risk&size=500").then()
                .statusCode(200).extract().jsonPath();
        assertThat(risky.getList("items.status", String.class)).isNotEmpty().containsOnly("AT_RISK");
        assertThat(risky.getList("items.member", String.class)).contains(atRisk.slug()).doesNotContain(certified.slug());
        assertThat(risky.getString("links.self")).isEqualTo("/api/v1/certifications?guideline=2020.06&status=AT_RISK&page=0&size=500");
        JsonPath item = new JsonPath(risky.prettify());
        int index = risky.getList("items.member", String.class).indexOf(atRisk.slug());
        assertThat(item.getString("items[" + index + "].wording"))
                .isEqualTo("conforms to interop guideline 2020.06 (checked by StackRatings)");
        assertThat(item.getList("items[" + index + "].failing", String.class)).containsExactly("compute-servers-create");
        assertThat(item.getString("items[" + index + "].href")).isEqualTo("/api/v1/certifications/" + atRisk.slug());

        assertThat(RestAssured.get("/api/v1/certifications?status=CERTIFIED&size=500").then().statusCode(200)
                .extract().jsonPath().getList("items.member", String.class)).contains(certified.slug())
                .doesNotContain(atRisk.slug());
        assertThat(RestAssured.get("/api/v1/certifications?guideline=2025.11").then().statusCode(200)
                .extract().jsonPath().getInt("total")).isZero();
        JsonPath firstPage = RestAssured.get("/api/v1/certifications?size=1").then().statusCode(200).extract().jsonPath();
        assertThat(firstPage.getList("items")).hasSize(1);
        assertThat(firstPage.getString("links.next")).isEqualTo("/api/v1/certifications?page=1&size=1");
    }

    @Test
    void badFiltersAre400Problems() {
        given().get("/api/v1/certifications?guideline=2020").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:stackratings:problem:bad-request"))
                .body("detail", containsString("guideline must be an interoperability guideline id such as 2020.06"));
        given().get("/api/v1/certifications?guideline=2020.13").then().statusCode(400);
        given().get("/api/v1/certifications?status=valid").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("status must be one of CERTIFIED, AT_RISK, LAPSED, NOT_CERTIFIED (any case), got 'valid'"));
        given().get("/api/v1/certifications?size=0").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/certifications/nobody-" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:stackratings:problem:not-found"));
        given().get("/api/v1/certifications/nobody-" + UUID.randomUUID() + "/statement").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aMembersCertificatesShowStatusTimingsHistoryAndLinks() {
        Member member = CertificationFixture.member("api-detail");
        UUID passed = CertificationFixture.passing(member, t0);
        UUID failed = CertificationFixture.failing(member, t0.plusSeconds(60), "compute-keypairs-create");

        JsonPath body = RestAssured.get("/api/v1/certifications/" + member.slug()).then().statusCode(200).extract().jsonPath();
        assertThat(body.getBoolean("certified")).isTrue();
        assertThat(body.getList("certificates")).hasSize(1);
        String c = "certificates[0].";
        assertThat(body.getString(c + "status")).isEqualTo("AT_RISK");
        assertThat(body.getString(c + "guideline")).isEqualTo("2020.06");
        assertThat(Instant.parse(body.getString(c + "expiresAt"))).isEqualTo(t0.plus(Duration.ofDays(7)));
        assertThat(Instant.parse(body.getString(c + "lapsesAt"))).isEqualTo(t0.plus(Duration.ofDays(8)));
        assertThat(body.getList(c + "failing", String.class)).containsExactly("compute-keypairs-create");
        assertThat(body.getList(c + "history.change", String.class)).containsExactly("AT_RISK", "ISSUED");
        assertThat(body.getString(c + "history[1].evidence"))
                .isEqualTo("/api/v1/certifications/" + member.slug() + "/runs/" + passed);
        assertThat(body.getString(c + "lastRun.runId")).isEqualTo(failed.toString());
        assertThat(body.getString(c + "lastRun.verdict")).isEqualTo("FAILED");
        assertThat(body.getString(c + "links.evidence")).isEqualTo("/api/v1/certifications/" + member.slug() + "/runs/" + passed);
        assertThat(body.getString(c + "links.statement"))
                .isEqualTo("/api/v1/certifications/" + member.slug() + "/statement?guideline=2020.06");

        JsonPath run = RestAssured.get(body.getString(c + "lastRun.evidence")).then().statusCode(200).extract().jsonPath();
        assertThat(run.getList("capabilities.status", String.class)).contains("FAIL");
        assertThat(run.getInt("capabilities.find { it.capability == 'compute-keypairs-create' }.evidence[0].status"))
                .isEqualTo(500);
        given().get("/api/v1/certifications/" + member.slug() + "/runs/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/certifications/" + member.slug() + "/runs/not-a-uuid").then().statusCode(404);

        Member none = CertificationFixture.member("api-none");
        RestAssured.get("/api/v1/certifications/" + none.slug()).then().statusCode(200)
                .body("certified", equalTo(false)).body("certificates.size()", equalTo(0));
        given().get("/api/v1/certifications/" + none.slug() + "/statement").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("was never certified"));
    }

    @Test
    void theStatementVerifiesAgainstThePublishedJwkSet() throws Exception {
        Member member = CertificationFixture.member("api-statement");
        UUID passed = CertificationFixture.passing(member, t0);

        String jws = given().get("/api/v1/certifications/" + member.slug() + "/statement?guideline=2020.06").then()
                .statusCode(200).contentType("application/jwt").extract().asString();
        String jwks = RestAssured.get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        JWTClaimsSet claims = verify(jws, jwks, "certification-statement+jwt");

        assertThat(claims.getIssuer()).isEqualTo("stackratings");
        assertThat(claims.getSubject()).isEqualTo(member.slug());
        assertThat(claims.getStringClaim("member")).isEqualTo(member.slug());
        assertThat(claims.getStringClaim("guideline")).isEqualTo("2020.06");
        assertThat(claims.getStringClaim("platform")).isEqualTo(CertificationFixture.TARGET);
        assertThat(claims.getStringClaim("target")).isEqualTo(CertificationFixture.TARGET);
        assertThat(claims.getStringListClaim("capabilities")).containsExactlyElementsOf(CertificationFixture.CAPABILITIES);
        assertThat(claims.getStringClaim("status")).isEqualTo("CERTIFIED");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(t0);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(t0.plus(Duration.ofDays(7)));
        String digest = RestAssured.get("/api/v1/certifications/" + member.slug() + "/runs/" + passed).then()
                .statusCode(200).extract().path("evidenceDigest");
        assertThat(claims.getStringClaim("evidenceDigest")).hasSize(64).isEqualTo(digest);
        assertThat(given().get("/api/v1/certifications/" + member.slug() + "/statement").then().statusCode(200)
                .extract().asString()).as("the same claims get the same statement").isEqualTo(jws);

        assertThatThrownBy(() -> verify(jws, jwks, "rating-statement+jwt")).as("not a rating statement")
                .isInstanceOf(BadJOSEException.class);

        CertificationFixture.failing(member, t0.plusSeconds(30), "compute-servers-create");
        JWTClaimsSet atRisk = verify(given().get("/api/v1/certifications/" + member.slug() + "/statement").then()
                .statusCode(200).extract().asString(), jwks, "certification-statement+jwt");
        assertThat(atRisk.getStringClaim("status")).isEqualTo("AT_RISK");
        assertThat(atRisk.getStringListClaim("failing")).containsExactly("compute-servers-create");
        assertThat(atRisk.getExpirationTime()).isEqualTo(claims.getExpirationTime());
    }

    @Test
    void theBadgeSaysWhetherTheMemberConformsWithoutTheTrademark() {
        Member member = CertificationFixture.member("api-badge");
        String none = given().get("/api/v1/certifications/" + member.slug() + "/badge.svg").then().statusCode(200)
                .contentType("image/svg+xml").header("ETag", not(equalTo(null))).extract().asString();
        assertThat(none).contains(">not certified<").doesNotContain("OpenStack Powered");

        CertificationFixture.passing(member, t0);
        String svg = given().get("/api/v1/certifications/" + member.slug() + "/badge.svg?guideline=2020.06").then()
                .statusCode(200).contentType("image/svg+xml").header("Cache-Control", containsString("max-age=300"))
                .extract().asString();
        assertThat(svg).startsWith("<svg").contains(">interop 2020.06<").contains(">conforms<")
                .contains("conforms to interop guideline 2020.06 (checked by StackRatings)")
                .doesNotContain("OpenStack Powered");
        String etag = given().get("/api/v1/certifications/" + member.slug() + "/badge.svg?guideline=2020.06").then()
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/certifications/" + member.slug() + "/badge.svg?guideline=2020.06")
                .then().statusCode(304);

        CertificationFixture.failing(member, t0.plusSeconds(10), "compute-servers-create");
        assertThat(given().get("/api/v1/certifications/" + member.slug() + "/badge.svg").then().statusCode(200)
                .extract().asString()).contains(">conforms, at risk<").contains("compute-servers-create");

        given().get("/api/v1/certifications/" + member.slug() + "/badge.svg?guideline=June").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/certifications/nobody-" + UUID.randomUUID() + "/badge.svg").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** Verification as docs/certification.md shows it (nimbus-jose-jwt): signature, typ, issuer, expiry. */
    static JWTClaimsSet verify(String statement, String jwksJson, String type) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(type)));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(JWKSet.parse(jwksJson))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer("stackratings").build(),
                Set.of("sub", "iat", "exp", "guideline", "capabilities", "evidenceDigest", "status")));
        return processor.process(statement, null);
    }
}

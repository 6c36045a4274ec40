package org.stackratings.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.stackratings.ApiTestSupport.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.stackratings.certification.CertificationFixture;
import org.stackratings.rating.Notch;
import org.stackratings.rating.Outlook;

/** {@code requireCertified}: the gate allows only members holding a valid certificate for the guideline. */
@QuarkusTest
class GateCertificationTest {

    @Inject
    ObjectMapper json;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void aCertifiedMemberIsAllowedAndAnUncertifiedOneDeniedWithNotCertified() {
        String certified = rated();
        CertificationFixture.passing(CertificationFixture.existing(certified), now.minus(Duration.ofHours(1)));
        JsonPath allowed = gate(certified, "?requireCertified=2020.06");
        assertThat(allowed.getString("decision")).isEqualTo("ALLOW");
        assertThat(allowed.getList("reasons")).isEmpty();
        assertThat(allowed.getString("criteria.requireCertified")).isEqualTo("2020.06");
        assertThat(gate(certified, "?requireCertified=2025.11").getList("reasons.code", String.class))
                .as("certified for another guideline only").containsExactly("NOT_CERTIFIED");

        String uncertified = rated();
        JsonPath denied = gate(uncertified, "?requireCertified=2020.06");
        assertThat(denied.getString("decision")).isEqualTo("DENY");
        assertThat(denied.getList("reasons.code", String.class)).containsExactly("NOT_CERTIFIED");
        assertThat(denied.getString("reasons[0].detail"))
                .isEqualTo("holds no valid certificate for interop guideline 2020.06 (checked by StackRatings)");
        assertThat(gate(uncertified, "").getString("decision")).as("not asked, not checked").isEqualTo("ALLOW");
        assertThat(gate(uncertified, "").getString("criteria.requireCertified")).isNull();
    }

    @Test
    void atRiskCountsUntilItLapsesAndALapsedCertificateDoesNot() {
        String atRisk = rated();
        CertificationFixture.Member member = CertificationFixture.existing(atRisk);
        CertificationFixture.passing(member, now.minus(Duration.ofDays(7)).minus(Duration.ofHours(12)));
        CertificationFixture.failing(member, now.minus(Duration.ofHours(1)), "compute-servers-create");
        assertThat(gate(atRisk, "?requireCertified=2020.06").getString("decision"))
                .as("at risk, past expiry, within grace").isEqualTo("ALLOW");

        String lapsed = rated();
        CertificationFixture.passing(CertificationFixture.existing(lapsed), now.minus(Duration.ofDays(9)));
        assertThat(gate(lapsed, "?requireCertified=2020.06").getList("reasons.code", String.class))
                .as("past expiry + grace, before the lapse job ran").containsExactly("NOT_CERTIFIED");

        String notRated = RatedMembers.onboard("gate-cert-nr");
        assertThat(gate(notRated, "?requireCertified=2020.06").getList("reasons.code", String.class))
                .containsExactly("NOT_RATED", "NOT_CERTIFIED");
    }

    @Test
    void aBadGuidelineIsA400Problem() {
        String slug = rated();
        admin().get("/api/v1/gate/" + slug + "?requireCertified=yes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:stackratings:problem:bad-request"))
                .body("detail", containsString("requireCertified must be an interoperability guideline id such as 2020.06"));
        admin().get("/api/v1/gate/" + slug + "?requireCertified=2020.6").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private String rated() {
        String slug = RatedMembers.onboard("gate-cert");
        RatedMembers.rate(json, slug, Notch.A1, null, Outlook.STABLE, now.minus(Duration.ofDays(3)), now);
        return slug;
    }

    private static JsonPath gate(String slug, String query) {
        return admin().get("/api/v1/gate/" + slug + query).then().statusCode(200).extract().jsonPath();
    }
}

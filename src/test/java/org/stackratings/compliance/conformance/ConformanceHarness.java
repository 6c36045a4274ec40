package org.stackratings.compliance.conformance;

import static org.stackratings.ApiTestSupport.admin;
import static org.stackratings.ApiTestSupport.memberBody;
import static org.stackratings.ApiTestSupport.uniqueSlug;

import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.stackratings.ApiTestSupport;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.measurement.conformance.CapabilityOutcome;
import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.measurement.conformance.ConformanceStatus;
import org.stackratings.member.MemberAccount;
import org.stackratings.member.MemberService;
import org.stackratings.openstack.CallLimits;
import org.stackratings.openstack.CloudAccount;
import org.stackratings.openstack.RunDeadline;
import org.stackratings.probe.ProbeRunner;
import org.stackratings.sandbox.SandboxTestResource;

/**
 * Runs a conformance run against a sandbox cloud on the test's thread (inside a {@code @QuarkusTest} with the
 * {@link SandboxTestResource}): a new cloud from a profile snippet, a member for it, and the run's outcome. Between
 * polls the run pauses at most 50 ms (the sandbox's test clouds boot in a few hundred).
 */
final class ConformanceHarness {

    static final Pause SHORT = duration -> Thread.sleep(Math.min(duration.toMillis(), 50));

    private ConformanceHarness() {
    }

    /** A new sandbox cloud with one user {@code probe}/{@code pw} and {@code extra} profile YAML; returns its name. */
    static String cloud(String extra) {
        String name = "conformance-" + UUID.randomUUID().toString().substring(0, 8);
        ApiTestSupport.yaml().body("name: " + name + "\nusers: [ { name: probe, password: pw } ]\n"
                        + "bootTime: { distribution: constant, medianMs: 200 }\n"
                        + "deleteTime: { distribution: constant, medianMs: 100 }\n" + extra + "\n")
                .put(SandboxTestResource.server().baseUrl() + "/_sandbox/clouds/" + name)
                .then().statusCode(Matchers.lessThan(300));
        return name;
    }

    /** Onboards a member for the cloud and runs a conformance run to its end. */
    static ConformanceOutcome run(String cloud, String flavorAlt) {
        return execute(onboard(cloud, flavorAlt));
    }

    /** Onboards a member for the cloud (on the test's thread: RestAssured's port is set there). */
    static MemberAccount onboard(String cloud, String flavorAlt) {
        String slug = uniqueSlug("conformance");
        Map<String, Object> body = new java.util.HashMap<>(memberBody(slug, SandboxTestResource.server().authUrl(cloud),
                "pw", false));
        if (flavorAlt != null) {
            body.put("probes", Map.of("api", Map.of("enabled", false),
                    "conformance", Map.of("enabled", false, "flavorAlt", flavorAlt)));
        }
        admin().body(body).post("/api/v1/members").then().statusCode(201);
        return CDI.current().select(MemberService.class).get().account(slug).orElseThrow();
    }

    /** Runs a conformance run of an onboarded member to its end (any thread). */
    static ConformanceOutcome execute(MemberAccount member) {
        return execute(member, ConformanceHarness::limits);
    }

    /** {@link #execute(MemberAccount)} with call limits of the test's own. */
    static ConformanceOutcome execute(MemberAccount member, ConformanceProbe.Limits limits) {
        UUID runId = CDI.current().select(MeasurementStore.class).get().startRun(member.memberId(),
                ConformanceProbe.NAME, RunTrigger.MANUAL);
        return CDI.current().select(ConformanceProbe.class).get()
                .execute(runId, member, account(member), limits, SHORT);
    }

    static CallLimits limits(Duration deadline) {
        return new CallLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), 4 << 20, 64 << 10,
                RunDeadline.after(deadline));
    }

    /** The member's cloud account, as the probes make it ({@link ProbeRunner#cloudAccount}). */
    static CloudAccount account(MemberAccount a) {
        return ProbeRunner.cloudAccount(a);
    }

    static List<String> withStatus(ConformanceOutcome outcome, ConformanceStatus status) {
        return outcome.capabilities().stream().filter(c -> c.status() == status).map(CapabilityOutcome::capability)
                .toList();
    }

    static CapabilityOutcome of(ConformanceOutcome outcome, String capability) {
        return outcome.capabilities().stream().filter(c -> c.capability().equals(capability)).findFirst()
                .orElseThrow();
    }
}

package org.stackratings.compliance.conformance;

import jakarta.enterprise.inject.spi.CDI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.stackratings.ApiTestSupport;
import org.stackratings.measurement.MeasurementStore;
import org.stackratings.measurement.RunTrigger;
import org.stackratings.measurement.conformance.ConformanceOutcome;
import org.stackratings.member.MemberAccount;
import org.stackratings.member.MemberService;
import org.stackratings.sandbox.SandboxTestResource;

/**
 * Conformance runs of one test class, each on a new sandbox cloud of its own with a member of its own, started together
 * the first time a test asks for one (a run mostly waits for the sandbox's volumes and servers, so several at once
 * take little longer than one); as {@link ConformanceHarness#run}, but on a pool. Each run's outcome comes with what
 * the run left on its cloud ({@link SandboxLeftovers}).
 */
final class ParallelRuns {

    /** A finished run: its cloud, its outcome, and what it left there. */
    record Finished(String cloud, ConformanceOutcome outcome, List<String> leftovers) {
    }

    /** A run to make: the profile YAML of its cloud, and whether that cloud has Cinder (for listing what is left). */
    record Planned(String profile, boolean withVolumes) {
    }

    private final Map<String, Planned> planned;
    private final Map<String, Future<Finished>> started = new LinkedHashMap<>();

    ParallelRuns(Map<String, Planned> planned) {
        this.planned = Map.copyOf(planned);
    }

    /** The run planned under {@code key}, waited for (all planned runs are started on the first call). */
    Finished finished(String key) {
        Future<Finished> run = start().get(key);
        if (run == null) {
            throw new IllegalArgumentException("no run planned as " + key);
        }
        try {
            return run.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run " + key + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the run " + key + " took more than 5 minutes", e);
        }
    }

    /**
     * A member for the cloud, onboarded through the API on the test's thread (RestAssured's port is the test's only
     * while a test runs; the runs themselves call only the sandbox, at its own address).
     */
    private static MemberAccount onboard(String cloud) {
        String slug = ApiTestSupport.uniqueSlug("conformance");
        ApiTestSupport.admin().body(ApiTestSupport.memberBody(slug, SandboxTestResource.server().authUrl(cloud), "pw",
                false)).post("/api/v1/members").then().statusCode(201);
        return CDI.current().select(MemberService.class).get().account(slug).orElseThrow();
    }

    private synchronized Map<String, Future<Finished>> start() {
        if (started.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, planned.size()), r -> {
                Thread thread = new Thread(r, "conformance-test-run");
                thread.setDaemon(true);
                return thread;
            });
            planned.forEach((key, plan) -> {
                String cloud = ConformanceHarness.cloud(plan.profile());
                MemberAccount member = onboard(cloud);
                started.put(key, pool.submit(() -> {
                    UUID runId = CDI.current().select(MeasurementStore.class).get().startRun(member.memberId(),
                            ConformanceProbe.NAME, RunTrigger.MANUAL);
                    ConformanceOutcome outcome = CDI.current().select(ConformanceProbe.class).get().execute(runId,
                            member, ConformanceHarness.account(member), ConformanceHarness::limits,
                            ConformanceHarness.SHORT);
                    return new Finished(cloud, outcome, SandboxLeftovers.leftovers(cloud));
                }));
            });
            pool.shutdown();
        }
        return started;
    }
}

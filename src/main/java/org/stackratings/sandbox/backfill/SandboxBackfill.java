package org.stackratings.sandbox.backfill;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;
import org.stackratings.measurement.HistoryImport;
import org.stackratings.measurement.MeasurementQuery;
import org.stackratings.member.MemberSchedule;
import org.stackratings.member.MemberService;
import org.stackratings.member.MemberStatusView;
import org.stackratings.rating.CurrentRating;
import org.stackratings.rating.LiveRatingHold;
import org.stackratings.rating.RatingEngine;
import org.stackratings.rating.RatingService;
import org.stackratings.sandbox.SandboxConfig;
import org.stackratings.sandbox.SandboxLauncher;
import org.stackratings.sandbox.SandboxMembers;
import org.stackratings.sandbox.profile.CloudProfile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Gives the sandbox's clouds a history (dev mode): {@code stackratings.sandbox.backfill.days} days of api and lifecycle
 * runs simulated from each cloud's profile ({@link HistorySimulator}, incidents from {@link BackfillPlan}), written as
 * hourly rollups and run rows marked as generated (trigger {@code BACKFILL}, vantage {@value #VANTAGE}), then the
 * ratings replayed hour by hour through {@link RatingEngine#rateAll(Instant)}, oldest first, so ratings, actions,
 * scores, outlooks and statistics exist from the first minute.
 *
 * <p>Runs once, in the background after start-up, only with the in-process sandbox, and only for members that
 * {@link SandboxMemberGuard} recognises as sandbox clouds: when any other member exists it does nothing (the replay
 * rates every member). Scheduled rating is held ({@link LiveRatingHold}) until the replay is done, so no rating made
 * "now" lands between replayed ones; probes go on measuring. It does nothing when the clouds already have history
 * (a restart on the same database); a replay cut short (the application stopped) is resumed at the next start.
 */
@ApplicationScoped
public class SandboxBackfill {

    /** Vantage of every generated rollup and run. */
    public static final String VANTAGE = "sandbox-backfill";
    private static final Logger LOG = Logger.getLogger(SandboxBackfill.class);
    private static final Duration STEP = Duration.ofHours(1);
    private static final Duration COMPLIANCE_WAIT = Duration.ofSeconds(20);

    /** What a run of the backfill did. */
    public enum Outcome {
        /** History generated and ratings replayed. */
        GENERATED,
        /** History existed; the replay of its ratings, cut short before, was finished. */
        RESUMED,
        /** Nothing done (see the message). */
        SKIPPED
    }

    /**
     * @param hoursReplayed instants at which every member was rated
     * @param generation    time spent generating and writing the history
     * @param replay        time spent replaying the ratings
     */
    public record Result(Outcome outcome, List<String> members, Instant from, Instant to, int hoursReplayed,
                         Duration generation, Duration replay, String message) {

        static Result skipped(String message) {
            return new Result(Outcome.SKIPPED, List.of(), null, null, 0, Duration.ZERO, Duration.ZERO, message);
        }
    }

    private final SandboxConfig config;
    private final SandboxLauncher launcher;
    private final SandboxMemberGuard guard;
    private final MemberService members;
    private final HistoryImport history;
    private final MeasurementQuery measurements;
    private final RatingEngine engine;
    private final RatingService ratings;
    private final LiveRatingHold hold;
    private final Clock clock;
    private final ComplianceArrivals arrivals;
    private volatile Thread worker;
    private volatile Result last;

    public SandboxBackfill(SandboxConfig config, SandboxLauncher launcher, SandboxMemberGuard guard, MemberService members,
                           HistoryImport history, MeasurementQuery measurements, RatingEngine engine,
                           RatingService ratings, LiveRatingHold hold, Clock clock,
                           ComplianceArrivals arrivals) {
        this.config = config;
        this.launcher = launcher;
        this.guard = guard;
        this.members = members;
        this.history = history;
        this.measurements = measurements;
        this.engine = engine;
        this.ratings = ratings;
        this.hold = hold;
        this.clock = clock;
        this.arrivals = arrivals;
    }

    /** After {@link SandboxMembers} registered the clouds: hold scheduled rating and start the backfill in the background. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 950) StartupEvent event) {
        int days = config.backfill().days();
        if (days <= 0 || launcher.server().isEmpty()) {
            return;
        }
        Instant end = clock.instant();
        hold.hold("the sandbox backfill is replaying the history of the sandbox clouds");
        Thread thread = new Thread(() -> {
            try {
                Result result = run(end, days);
                last = result;
                LOG.infof("Sandbox backfill %s: %s", result.outcome(), result.message());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Sandbox backfill failed; live rating goes on (a cut-short replay resumes at the next start)");
            } finally {
                hold.release();
            }
        }, "sandbox-backfill");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    /** What the last background run did; empty until it finished. */
    public Optional<Result> lastResult() {
        return Optional.ofNullable(last);
    }

    /**
     * Generates {@code days} days of history up to {@code end} for the sandbox clouds that have none (over the period
     * of the history the others already have, if any) and replays the ratings, or finishes a replay cut short. Does
     * nothing when history and its ratings exist, when the clouds have measured history but no generated one (a
     * database from before the backfill), or when any other member exists.
     */
    public Result run(Instant end, int days) {
        long begun = System.nanoTime();
        List<MemberStatusView> all = members.allStatuses();
        List<String> others = all.stream().map(MemberStatusView::slug).filter(s -> guard.refusal(s).isPresent()).toList();
        if (!others.isEmpty()) {
            return Result.skipped("members other than sandbox clouds exist " + others
                    + "; replaying ratings would rate them too, so no history is generated");
        }
        List<MemberStatusView> clouds = all.stream().filter(m -> !m.withdrawn()).toList();
        List<String> slugs = clouds.stream().map(MemberStatusView::slug).toList();
        if (clouds.isEmpty()) {
            return Result.skipped("no sandbox cloud is an active member");
        }
        Optional<HistoryImport.Span> existing = clouds.stream().map(m -> history.importedSpan(m.id()))
                .flatMap(Optional::stream)
                .reduce((a, b) -> new HistoryImport.Span(min(a.from(), b.from()), max(a.to(), b.to())));
        BackfillPlan plan = existing.map(span -> BackfillPlan.of(slugs, span.to(),
                        (int) Duration.between(span.from(), span.to().truncatedTo(ChronoUnit.HOURS)).toDays()))
                .orElseGet(() -> BackfillPlan.of(slugs, end, days));
        List<MemberStatusView> missing = clouds.stream().filter(m -> history.importedSpan(m.id()).isEmpty()).toList();
        List<String> measured = missing.stream()
                .filter(m -> history.hasRunsBefore(m.id(), plan.end()) || ratedAt(m).isPresent())
                .map(MemberStatusView::slug).toList();
        if (existing.isEmpty() && !measured.isEmpty()) {
            return Result.skipped("the sandbox clouds " + measured + " have measured history already, so none is"
                    + " generated (delete the database, target/devdb in dev mode, for a generated one)");
        }
        List<String> toGenerate = missing.stream().map(MemberStatusView::slug).filter(s -> !measured.contains(s)).toList();
        Outcome outcome = Outcome.RESUMED;
        Duration generation = Duration.ZERO;
        if (!toGenerate.isEmpty()) {
            LOG.infof("Sandbox backfill: generating the history from %s to %s of %s; incidents:%n  %s", plan.start(),
                    plan.end(), toGenerate, String.join("\n  ", plan.describe()));
            long started = System.nanoTime();
            long cpu = processCpuNanos();
            generate(toGenerate, plan);
            generation = Duration.ofNanos(System.nanoTime() - started);
            LOG.infof("Sandbox backfill: history written in %.1f s (%.1f s CPU of the whole process); replaying the ratings",
                    generation.toMillis() / 1000.0, (processCpuNanos() - cpu) / 1e9);
            outcome = Outcome.GENERATED;
        }
        Instant lastStep = plan.end().truncatedTo(ChronoUnit.HOURS);
        Instant firstStep = plan.start().plus(STEP);
        Optional<Instant> rated = all.stream().map(this::ratedAt).flatMap(Optional::stream).max(Instant::compareTo);
        Instant from = rated.map(r -> max(firstStep, r.truncatedTo(ChronoUnit.HOURS).plus(STEP))).orElse(firstStep);
        if (from.isAfter(lastStep)) {
            return new Result(outcome == Outcome.GENERATED ? outcome : Outcome.SKIPPED, slugs, plan.start(), plan.end(), 0,
                    generation, Duration.ZERO, "the sandbox clouds' history and its ratings exist already");
        }
        awaitCompliance(clouds, begun);
        long started = System.nanoTime();
        long cpu = processCpuNanos();
        int hours = replay(from, lastStep);
        Duration replay = Duration.ofNanos(System.nanoTime() - started);
        return new Result(outcome, slugs, plan.start(), plan.end(), hours, generation, replay, String.format(
                "%s: history %s to %s, generated in %.1f s; ratings replayed at %d hourly instants from %s in %.1f s"
                        + " (%.1f s CPU of the whole process)", slugs, plan.start(), plan.end(),
                generation.toMillis() / 1000.0, hours, from, replay.toMillis() / 1000.0,
                (processCpuNanos() - cpu) / 1e9));
    }

    /**
     * Writes the simulated history of the members over the plan's period, each member in its own transaction, several
     * at once. Every member must be an active sandbox cloud ({@link SandboxMemberGuard#require}); otherwise nothing is
     * written and {@link NotSandboxMemberException} is thrown.
     */
    public void generate(List<String> slugs, BackfillPlan plan) {
        Map<String, CloudProfile> profiles = new LinkedHashMap<>();
        for (String slug : slugs) {
            profiles.put(slug, guard.require(slug));
        }
        int threads = Math.max(1, Math.min(profiles.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-backfill-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> writes = new ArrayList<>();
            profiles.forEach((slug, profile) -> writes.add(pool.submit(() -> QuarkusTransaction.requiringNew()
                    .timeout((int) Duration.ofMinutes(10).toSeconds()).run(() -> write(slug, profile, plan)))));
            for (Future<?> write : writes) {
                write.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sandbox backfill was stopped while writing the history", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the sandbox backfill could not write the history", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void write(String slug, CloudProfile profile, BackfillPlan plan) {
        long memberId = members.memberId(slug).orElseThrow();
        MemberSchedule schedule = members.schedule(slug).orElseThrow();
        HistorySimulator simulator = new HistorySimulator(profile, plan, config.backfill().seed());
        HistorySimulator.Sink sink = (probe, runs, rollups) -> {
            history.addRuns(memberId, VANTAGE, runs);
            history.addRollups(memberId, VANTAGE, probe, rollups);
        };
        schedule.api().ifPresent(interval -> simulator.simulate(HistorySimulator.API, interval, sink));
        schedule.lifecycle().ifPresent(interval -> simulator.simulate(HistorySimulator.LIFECYCLE, interval, sink));
    }

    /** Rates every member at each hour from {@code from} to {@code to} (inclusive), oldest first. */
    private int replay(Instant from, Instant to) {
        int hours = 0;
        for (Instant t = from; !t.isAfter(to); t = t.plus(STEP)) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("the sandbox backfill was stopped before replaying " + t);
            }
            engine.rateAll(t);
            hours++;
        }
        return hours;
    }

    /**
     * Waits, until 20 s after the backfill began, for the first compliance result of each cloud that has the
     * compliance probe (its first run starts within seconds of start-up): the scorecard reads the latest result
     * whatever the instant, so one that arrives during the replay would rate the hours before it without compliance
     * and those after with it. A cloud whose check takes longer (an outage during the check) is logged.
     */
    private void awaitCompliance(List<MemberStatusView> clouds, long begun) {
        long deadline = begun + COMPLIANCE_WAIT.toNanos();
        for (MemberStatusView cloud : clouds) {
            if (members.schedule(cloud.slug()).flatMap(MemberSchedule::compliance).isEmpty()) {
                continue;
            }
            try {
                if (!arrivals.awaitUntil(() -> !measurements.compliance(cloud.id()).isEmpty(), deadline)) {
                    LOG.warnf("Sandbox backfill: no compliance result for %s yet; the replayed hours after it arrives"
                            + " include compliance, those before do not", cloud.slug());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the sandbox backfill was stopped while waiting for compliance results", e);
            }
        }
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private Optional<Instant> ratedAt(MemberStatusView member) {
        return ratings.find(member.slug()).map(CurrentRating::computedAt);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

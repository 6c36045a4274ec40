package org.stackratings.probe;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Matcher;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.stackratings.member.MemberChanged;
import org.stackratings.member.MemberSchedule;
import org.stackratings.member.MemberService;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps one Quartz job per active member and probe in the clustered JDBC job store, at the member's cadence.
 * First runs are spread over the interval, at most {@code stackratings.probe.schedule-spread} (by a hash of the
 * slug), so that members are not probed all at once: their runs keep that phase afterwards.
 */
@ApplicationScoped
public class ProbeScheduler {

    static final String GROUP = group(ApiProbe.NAME);
    static final List<String> PROBES = List.of(ApiProbe.NAME, "lifecycle", "compliance", "conformance");
    private static final Logger LOG = Logger.getLogger(ProbeScheduler.class);

    private final Scheduler quartz;
    private final MemberService members;
    private final Clock clock;
    private final Duration spread;
    private final ScheduleLateness lateness;

    public ProbeScheduler(Scheduler quartz, MemberService members, Clock clock, ProbeConfig config, ScheduleLateness lateness) {
        this.quartz = quartz;
        this.members = members;
        this.clock = clock;
        this.spread = config.scheduleSpread();
        this.lateness = lateness;
    }

    /** Delay of the first run: a stable share of the spread window (capped by the interval) chosen by the slug. */
    static long firstRunDelayMillis(String slug, long intervalMs, long spreadMs) {
        long window = Math.max(1, Math.min(intervalMs, spreadMs));
        return Math.floorMod(slug.hashCode() * 0x9E3779B9L, window);
    }

    void onStart(@Observes StartupEvent event) throws SchedulerException {
        quartz.getListenerManager().addTriggerListener(new ProbeMisfires(lateness),
                PROBES.stream().<Matcher<TriggerKey>>map(p -> GroupMatcher.triggerGroupEquals(group(p))).toList());
        sync();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberChanged change) throws SchedulerException {
        Optional<MemberSchedule> schedule = members.schedule(change.slug());
        for (String probe : PROBES) {
            schedule.ifPresentOrElse(s -> apply(s, probe), () -> remove(change.slug(), probe));
        }
    }

    /** The Quartz job group of a probe's jobs. */
    static String group(String probe) {
        return probe + "-probe";
    }

    /** Makes the job store match the members: adds and reschedules what changed, removes what is gone. */
    public void sync() throws SchedulerException {
        List<MemberSchedule> schedules = members.schedules();
        for (String probe : PROBES) {
            schedules.forEach(s -> apply(s, probe));
            Set<String> wanted = schedules.stream().filter(s -> s.interval(probe).isPresent())
                    .map(MemberSchedule::slug).collect(Collectors.toSet());
            for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(group(probe)))) {
                if (!wanted.contains(key.getName())) {
                    remove(key.getName(), probe);
                }
            }
            LOG.infof("Probe schedule synced: %d member(s) with the %s probe", wanted.size(), probe);
        }
    }

    private void apply(MemberSchedule schedule, String probe) {
        Optional<Duration> interval = schedule.interval(probe);
        if (interval.isEmpty()) {
            remove(schedule.slug(), probe);
            return;
        }
        try {
            TriggerKey triggerKey = TriggerKey.triggerKey(schedule.slug(), group(probe));
            long intervalMs = interval.get().toMillis();
            Trigger existing = quartz.getTrigger(triggerKey);
            if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == intervalMs) {
                return;
            }
            long delay = firstRunDelayMillis(schedule.slug(), intervalMs, spread.toMillis());
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(triggerKey)
                    .forJob(JobKey.jobKey(schedule.slug(), group(probe)))
                    .startAt(new Date(clock.millis() + delay))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(intervalMs)
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            quartz.scheduleJob(JobBuilder.newJob(ProbeJob.class)
                    .withIdentity(schedule.slug(), group(probe))
                    .usingJobData(ProbeJob.MEMBER, schedule.slug())
                    .usingJobData(ProbeJob.PROBE, probe)
                    .build(), Set.of(trigger), true);
            LOG.infof("%s probe of %s scheduled every %s", probe, schedule.slug(), interval.get());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule the " + probe + " probe of " + schedule.slug(), e);
        }
    }

    private void remove(String slug, String probe) {
        try {
            if (quartz.deleteJob(JobKey.jobKey(slug, group(probe)))) {
                LOG.infof("%s probe of %s unscheduled", probe, slug);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot unschedule the " + probe + " probe of " + slug, e);
        }
    }
}

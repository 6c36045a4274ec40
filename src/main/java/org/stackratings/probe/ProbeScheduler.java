package org.stackratings.probe;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
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
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps one Quartz job per active member and probe in the clustered JDBC job store, at the member's cadence.
 * First runs are spread over the interval (by a hash of the slug) so that members are not probed all at once.
 */
@ApplicationScoped
public class ProbeScheduler {

    static final String GROUP = "api-probe";
    private static final Logger LOG = Logger.getLogger(ProbeScheduler.class);

    private final Scheduler quartz;
    private final MemberService members;
    private final Clock clock;

    public ProbeScheduler(Scheduler quartz, MemberService members, Clock clock) {
        this.quartz = quartz;
        this.members = members;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) throws SchedulerException {
        sync();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) MemberChanged change) throws SchedulerException {
        members.schedule(change.slug()).ifPresentOrElse(this::apply, () -> remove(change.slug()));
    }

    /** Makes the job store match the members: adds and reschedules what changed, removes what is gone. */
    public void sync() throws SchedulerException {
        List<MemberSchedule> schedules = members.schedules();
        schedules.forEach(this::apply);
        Set<String> wanted = schedules.stream().filter(MemberSchedule::apiEnabled)
                .map(MemberSchedule::slug).collect(Collectors.toSet());
        for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(key.getName())) {
                remove(key.getName());
            }
        }
        LOG.infof("Probe schedule synced: %d member(s) with the api probe", wanted.size());
    }

    private void apply(MemberSchedule schedule) {
        if (!schedule.apiEnabled()) {
            remove(schedule.slug());
            return;
        }
        try {
            TriggerKey triggerKey = TriggerKey.triggerKey(schedule.slug(), GROUP);
            long intervalMs = schedule.apiInterval().toMillis();
            Trigger existing = quartz.getTrigger(triggerKey);
            if (existing instanceof SimpleTrigger simple && simple.getRepeatInterval() == intervalMs) {
                return;
            }
            long offset = Math.floorMod(schedule.slug().hashCode(), intervalMs);
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(triggerKey)
                    .forJob(JobKey.jobKey(schedule.slug(), GROUP))
                    .startAt(new Date(clock.millis() + Math.min(offset, 5_000)))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(intervalMs)
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            quartz.scheduleJob(JobBuilder.newJob(ApiProbeJob.class)
                    .withIdentity(schedule.slug(), GROUP)
                    .usingJobData(ApiProbeJob.MEMBER, schedule.slug())
                    .build(), Set.of(trigger), true);
            LOG.infof("api probe of %s scheduled every %s", schedule.slug(), schedule.apiInterval());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule the api probe of " + schedule.slug(), e);
        }
    }

    private void remove(String slug) {
        try {
            if (quartz.deleteJob(JobKey.jobKey(slug, GROUP))) {
                LOG.infof("api probe of %s unscheduled", slug);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot unschedule the api probe of " + slug, e);
        }
    }
}

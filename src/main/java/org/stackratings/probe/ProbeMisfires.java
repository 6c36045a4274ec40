package org.stackratings.probe;

import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;

/**
 * Counts probe firings that Quartz itself skipped: more than its misfire threshold (60 s) late, after a stop of the
 * whole cluster or while every Quartz thread was busy; the trigger's misfire instruction moves them to their next
 * slot. Counted as {@code stackratings_probe_schedule_missed_total{reason="misfired"}}.
 */
class ProbeMisfires extends TriggerListenerSupport {

    private final ScheduleLateness lateness;

    ProbeMisfires(ScheduleLateness lateness) {
        this.lateness = lateness;
    }

    @Override
    public String getName() {
        return "stackratings-probe-misfires";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        String group = trigger.getKey().getGroup();
        for (String probe : ProbeScheduler.PROBES) {
            if (ProbeScheduler.group(probe).equals(group)) {
                lateness.missed(probe, ScheduleLateness.Missed.MISFIRED);
            }
        }
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }
}

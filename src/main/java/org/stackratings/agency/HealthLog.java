package org.stackratings.agency;

import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Logs a health check's fall once, when it goes DOWN (with the reason), and its recovery once; a check polled every
 * few seconds by a supervisor does not repeat the same error in every poll.
 */
public final class HealthLog {

    private final Logger log;
    private final String check;
    private String down;

    public HealthLog(Class<?> owner, String check) {
        this.log = Logger.getLogger(owner);
        this.check = check;
    }

    /** Reports the check's state: empty when UP, else what is wrong. Returns the same problem. */
    public synchronized Optional<String> report(Optional<String> problem) {
        if (problem.isPresent() && down == null) {
            log.errorf("Health check %s is DOWN: %s", check, problem.get());
            down = problem.get();
        } else if (problem.isEmpty() && down != null) {
            log.infof("Health check %s is UP again (it was DOWN: %s)", check, down);
            down = null;
        }
        return problem;
    }
}

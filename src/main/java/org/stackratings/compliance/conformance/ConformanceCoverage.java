package org.stackratings.compliance.conformance;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;
import org.stackratings.compliance.Guideline;
import org.stackratings.compliance.GuidelineCatalog;

/**
 * At start-up, every required capability of every target in use (the configured platform and each member's own) has
 * a conformance check, or the application does not start: a new guideline or add-on is a new file plus checks for its
 * new capabilities, and a capability without a check is never silently NOT_CHECKED.
 */
@Startup
@ApplicationScoped
public class ConformanceCoverage {

    private static final Logger LOG = Logger.getLogger(ConformanceCoverage.class);

    ConformanceCoverage(GuidelineCatalog catalog, ConformanceChecks checks) {
        for (Guideline target : catalog.targetsInUse()) {
            List<String> missing = missing(target, checks);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Conformance target '" + target.platform() + "' of guideline "
                        + target.id() + " has required capabilities the agency has no check for: " + missing
                        + " (write their checks, or do not assign this target: stackratings.compliance.targets)");
            }
            LOG.infof("Conformance target '%s' (%s): all %d required capabilities have a check", target.platform(),
                    target.id(), target.required().size());
        }
    }

    static List<String> missing(Guideline target, ConformanceChecks checks) {
        return target.required().stream().map(Guideline.Capability::name)
                .filter(name -> !checks.capabilities().contains(name)).toList();
    }
}

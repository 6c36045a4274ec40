package org.stackratings.compliance;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** The guideline in force, loaded once at start-up so that bad data stops the application with a clear message. */
@Startup
@ApplicationScoped
public class GuidelineCatalog {

    private static final Logger LOG = Logger.getLogger(GuidelineCatalog.class);
    private final Guideline guideline;

    public GuidelineCatalog(ComplianceConfig config) {
        this.guideline = GuidelineLoader.load(config.guideline(), config.platform());
        LOG.infof("Interoperability guideline %s, platform '%s': %d required capabilities, %d checked by the agency",
                guideline.id(), guideline.platform(), guideline.required().size(),
                guideline.required().stream().filter(c -> CapabilityChecks.find(c.name()).isPresent()).count());
    }

    public Guideline guideline() {
        return guideline;
    }
}

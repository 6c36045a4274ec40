package org.stackratings.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says at start-up whether anyone can administer this instance, and that the configured key is for bootstrapping. */
@ApplicationScoped
class BootstrapKeyNotice {

    private static final Logger LOG = Logger.getLogger(BootstrapKeyNotice.class);

    void onStart(@Observes StartupEvent event, ApiKeys keys) {
        long admins = keys.activeAdminKeys();
        if (keys.bootstrapKeyConfigured()) {
            LOG.infof("Bootstrap admin key configured (%d issued admin key(s) active): issue keys with POST /api/v1/keys,"
                    + " then remove stackratings.security.admin-key", admins);
        } else if (admins == 0) {
            LOG.warn("No bootstrap admin key (stackratings.security.admin-key) and no active issued admin key:"
                    + " nobody can administer this instance until the key is configured");
        }
    }
}

package org.stackratings.agency;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Warns at start-up, in production, when the JVM would survive an OutOfMemoryError: a JVM that has run out of memory
 * once is in an unknown state (threads died, locks may be held), so it must exit and be restarted by its supervisor.
 * README.md's production command and the container image pass {@code -XX:+ExitOnOutOfMemoryError}.
 */
@ApplicationScoped
public class OutOfMemoryPolicy {

    private static final Logger LOG = Logger.getLogger(OutOfMemoryPolicy.class);
    private static final List<String> EXITING_OPTIONS = List.of("ExitOnOutOfMemoryError", "CrashOnOutOfMemoryError");

    void check(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        if (!exitsOnOutOfMemory()) {
            LOG.warn("The JVM runs without -XX:+ExitOnOutOfMemoryError: after an OutOfMemoryError it would go on in an "
                    + "unknown state instead of exiting for its supervisor to restart it (README.md, \"Running in production\")");
        }
    }

    static boolean exitsOnOutOfMemory() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return hotspot != null && EXITING_OPTIONS.stream().anyMatch(option -> enabled(hotspot, option));
    }

    private static boolean enabled(HotSpotDiagnosticMXBean hotspot, String option) {
        try {
            return "true".equals(hotspot.getVMOption(option).getValue());
        } catch (IllegalArgumentException unknownToThisJvm) {
            return false;
        }
    }
}

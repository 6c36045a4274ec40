package org.stackratings.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The guideline in force and its targets, loaded once at start-up so that bad data stops the application with a
 * clear message: every platform of the guideline file and every add-on of the add-on files is a target (by name);
 * members are checked against the configured platform unless {@code stackratings.compliance.targets} names another
 * target for them. The code holds no list of capabilities: they all come from these files.
 */
@Startup
@ApplicationScoped
public class GuidelineCatalog {

    private static final Logger LOG = Logger.getLogger(GuidelineCatalog.class);
    private final Map<String, Guideline> targets = new LinkedHashMap<>();
    private final Guideline guideline;
    private final Map<String, String> memberTargets;

    public GuidelineCatalog(ComplianceConfig config) {
        JsonNode root = GuidelineLoader.read(config.guideline());
        for (String platform : GuidelineLoader.platforms(root)) {
            targets.put(platform, GuidelineLoader.parse(root, config.guideline(), platform));
        }
        for (String addOnFile : config.addOns().orElse(List.of())) {
            for (Guideline addOn : GuidelineLoader.addOns(GuidelineLoader.read(addOnFile), addOnFile, root,
                    config.guideline())) {
                if (targets.putIfAbsent(addOn.platform(), addOn) != null) {
                    throw new InvalidGuidelineException(addOnFile, "target '" + addOn.platform() + "' is defined twice");
                }
            }
        }
        this.guideline = Optional.ofNullable(targets.get(config.platform())).orElseThrow(() ->
                new InvalidGuidelineException(config.guideline(), "no platform '" + config.platform()
                        + "' under platforms"));
        this.memberTargets = Map.copyOf(config.targets());
        memberTargets.forEach((member, target) -> {
            if (!targets.containsKey(target)) {
                throw new InvalidGuidelineException(config.guideline(), "stackratings.compliance.targets." + member
                        + " names target '" + target + "', which is none of " + targets.keySet());
            }
        });
        LOG.infof("Interoperability guideline %s, platform '%s': %d required capabilities, %d checked by the"
                        + " compliance probe; targets %s", guideline.id(), guideline.platform(),
                guideline.required().size(),
                guideline.required().stream().filter(c -> CapabilityChecks.find(c.name()).isPresent()).count(),
                targets.keySet());
    }

    /** The configured platform of the guideline (the target of members without one of their own). */
    public Guideline guideline() {
        return guideline;
    }

    /** A target by name (a platform or an add-on). */
    public Optional<Guideline> target(String name) {
        return Optional.ofNullable(targets.get(name));
    }

    /** The target a member is checked against. */
    public Guideline targetOf(String memberSlug) {
        String target = memberTargets.get(memberSlug);
        return target == null ? guideline : targets.get(target);
    }

    /** The targets some member is checked against: the configured platform and every member's own. */
    public Set<Guideline> targetsInUse() {
        Set<Guideline> inUse = new LinkedHashSet<>();
        inUse.add(guideline);
        memberTargets.values().forEach(t -> inUse.add(targets.get(t)));
        return inUse;
    }
}

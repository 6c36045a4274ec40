package org.stackratings.sandbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;
import org.stackratings.member.CredentialType;
import org.stackratings.member.MemberRequest;
import org.stackratings.member.MemberService;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.profile.UserSpec;
import org.stackratings.sandbox.state.SimulatedCloud;

import java.util.List;

/**
 * Registers the sandbox's clouds as members when the in-process sandbox runs (dev mode), so a newcomer sees
 * them probed and rated without onboarding anything. Members are reached over HTTP like any real cloud.
 */
@ApplicationScoped
public class SandboxMembers {

    private static final Logger LOG = Logger.getLogger(SandboxMembers.class);

    private final SandboxLauncher launcher;
    private final MemberService members;

    public SandboxMembers(SandboxLauncher launcher, MemberService members) {
        this.launcher = launcher;
        this.members = members;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        launcher.server().ifPresent(server -> {
            for (String name : server.cloudNames()) {
                server.cloud(name).map(SimulatedCloud::profile).ifPresent(profile -> register(server, profile));
            }
        });
    }

    private void register(SandboxServer server, CloudProfile profile) {
        if (members.find(profile.name()).isPresent() || profile.users().isEmpty()) {
            return;
        }
        UserSpec user = profile.users().get(0);
        members.create(new MemberRequest(profile.name(),
                capitalize(profile.name()) + " (sandbox)",
                "StackRatings sandbox",
                server.authUrl(profile.name()),
                profile.region(),
                new MemberRequest.Project(null, profile.project().name(), profile.domain()),
                new MemberRequest.Credentials(CredentialType.PASSWORD, user.name(), profile.domain(), user.password(), null, null),
                List.of(),
                new MemberRequest.Probes(null,
                        new MemberRequest.LifecycleProbe(true, null, null, null, null),
                        new MemberRequest.ComplianceProbe(true, null),
                        new MemberRequest.ConformanceProbe(true, null, SECOND_FLAVOR))));
        LOG.infof("Sandbox cloud %s registered as a member (%s)", profile.name(), profile.description());
    }

    /** The second flavor the conformance run resizes to (every sandbox cloud has the three m1 flavors). */
    private static final String SECOND_FLAVOR = "m1.small";

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

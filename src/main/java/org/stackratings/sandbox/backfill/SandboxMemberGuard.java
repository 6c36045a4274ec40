package org.stackratings.sandbox.backfill;

import jakarta.enterprise.context.ApplicationScoped;
import org.stackratings.member.MemberService;
import org.stackratings.member.MemberStatus;
import org.stackratings.member.MemberView;
import org.stackratings.sandbox.SandboxLauncher;
import org.stackratings.sandbox.SandboxMembers;
import org.stackratings.sandbox.SandboxServer;
import org.stackratings.sandbox.profile.CloudProfile;
import org.stackratings.sandbox.state.SimulatedCloud;

import java.util.Optional;

/**
 * Tells sandbox clouds from every other member, so that generated history can never be written for a real cloud.
 * A member is a sandbox cloud only when the sandbox runs in this application, a cloud of the member's slug exists in
 * it (as {@link SandboxMembers} registers them), and the member's Keystone URL is exactly that cloud's URL on the
 * in-process sandbox.
 */
@ApplicationScoped
public class SandboxMemberGuard {

    private final SandboxLauncher launcher;
    private final MemberService members;

    public SandboxMemberGuard(SandboxLauncher launcher, MemberService members) {
        this.launcher = launcher;
        this.members = members;
    }

    /** Why the member is not a sandbox cloud (withdrawn or not), or empty when it is one. */
    public Optional<String> refusal(String slug) {
        Optional<SandboxServer> server = launcher.server();
        if (server.isEmpty()) {
            return Optional.of("the sandbox does not run in this application");
        }
        Optional<MemberView> member = members.find(slug);
        if (member.isEmpty()) {
            return Optional.of("no such member");
        }
        if (server.get().cloud(slug).isEmpty()) {
            return Optional.of("the sandbox has no cloud of that name");
        }
        String sandboxUrl = server.get().authUrl(slug);
        if (!sandboxUrl.equals(member.get().authUrl())) {
            return Optional.of("its Keystone URL " + member.get().authUrl() + " is not the sandbox cloud's " + sandboxUrl);
        }
        return Optional.empty();
    }

    /** The profile of the active sandbox cloud behind the member; throws for any other member. */
    public CloudProfile require(String slug) {
        refusal(slug).ifPresent(why -> {
            throw new NotSandboxMemberException(slug, why);
        });
        MemberView member = members.find(slug).orElseThrow();
        if (member.status() != MemberStatus.ACTIVE) {
            throw new NotSandboxMemberException(slug, "it was withdrawn");
        }
        return launcher.server().flatMap(s -> s.cloud(slug)).map(SimulatedCloud::profile).orElseThrow();
    }
}

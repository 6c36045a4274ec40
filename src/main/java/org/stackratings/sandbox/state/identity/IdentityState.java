package org.stackratings.sandbox.state.identity;

import org.stackratings.sandbox.profile.CloudProfile;

/**
 * What Keystone keeps of a cloud beyond its profile: the application credentials and access rules, and the EC2
 * credentials of its users. Kept when the profile is replaced.
 */
public final class IdentityState {

    private final ApplicationCredentialStore applicationCredentials;
    private final Ec2CredentialStore ec2Credentials = new Ec2CredentialStore();

    public IdentityState(CloudProfile profile) {
        this.applicationCredentials = ApplicationCredentialStore.seeded(profile);
    }

    /** The same state, holding also the application credentials {@code profile} adds. */
    public IdentityState reconfigured(CloudProfile profile) {
        applicationCredentials.seed(profile);
        return this;
    }

    public ApplicationCredentialStore applicationCredentials() {
        return applicationCredentials;
    }

    public Ec2CredentialStore ec2Credentials() {
        return ec2Credentials;
    }
}

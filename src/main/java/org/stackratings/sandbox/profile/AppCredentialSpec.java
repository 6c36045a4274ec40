package org.stackratings.sandbox.profile;

/**
 * An application credential of a simulated cloud, owned by {@code user} (a user name; the cloud's first user when not
 * given) and restricted to the cloud's project.
 */
public record AppCredentialSpec(String id, String name, String secret, String user) {
}

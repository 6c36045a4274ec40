package org.stackratings.sandbox.profile;

/** A user of a simulated cloud; {@code id} is derived from the cloud and user name when not given. */
public record UserSpec(String id, String name, String password) {
}

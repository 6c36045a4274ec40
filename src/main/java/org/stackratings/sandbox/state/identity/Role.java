package org.stackratings.sandbox.state.identity;

import java.util.List;
import org.stackratings.sandbox.profile.CloudProfile;

/** A Keystone role as tokens and application credentials name it. */
public record Role(String id, String name) {

    public static final Role MEMBER = new Role(CloudProfile.derivedId("role:member"), "member");
    public static final Role READER = new Role(CloudProfile.derivedId("role:reader"), "reader");

    /** The roles a user of a simulated cloud holds on its project (Keystone's {@code member} implies {@code reader}). */
    public static final List<Role> OF_A_MEMBER = List.of(MEMBER, READER);
}

package org.stackratings.web;

import io.quarkus.test.junit.QuarkusTestProfile;

/** An application of its own: the generated requests may create keys, subscriptions or rotate a signing key. */
public class HostileRequestsProfile implements QuarkusTestProfile {
}

package org.stackratings.sandbox.profile;

/** The one project of a simulated cloud. */
public record ProjectSpec(String id, String name) {
}

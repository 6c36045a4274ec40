package org.stackratings.sandbox.state.identity;

/** An EC2 credential of a user for a project ({@code OS-EC2}): an access key and its secret, both shown on reads. */
public record Ec2Credential(String access, String secret, String userId, String projectId) {
}

package org.stackratings.sandbox.state.identity;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The EC2 credentials ({@code OS-EC2}) of a cloud's users, by access key. */
public final class Ec2CredentialStore {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Ec2Credential> byAccess = new LinkedHashMap<>();

    /** A new credential of {@code userId} for {@code projectId}: a random access key and secret (32 hex digits). */
    public synchronized Ec2Credential create(String userId, String projectId) {
        Ec2Credential credential = new Ec2Credential(hex(), hex(), userId, projectId);
        byAccess.put(credential.access(), credential);
        return credential;
    }

    public synchronized Optional<Ec2Credential> find(String access) {
        return Optional.ofNullable(byAccess.get(access));
    }

    /** The user's credentials, oldest first. */
    public synchronized List<Ec2Credential> list(String userId) {
        return byAccess.values().stream().filter(c -> c.userId().equals(userId)).toList();
    }

    public synchronized boolean delete(String access) {
        return byAccess.remove(access) != null;
    }

    private String hex() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

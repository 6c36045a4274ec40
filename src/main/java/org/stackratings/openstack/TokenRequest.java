package org.stackratings.openstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of Keystone v3's {@code POST /auth/tokens} for an account: the {@code password} method scoped to the
 * account's project (by id, or by name and domain), or the {@code application_credential} method (scoped by the
 * credential itself).
 */
final class TokenRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenRequest() {
    }

    static byte[] body(CloudAccount account) {
        return account.applicationCredential()
                ? applicationCredential(account.applicationCredentialId(), account.secret())
                : password(account);
    }

    static byte[] applicationCredential(String credentialId, String secret) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode identity = body.putObject("auth").putObject("identity");
        identity.putArray("methods").add("application_credential");
        identity.putObject("application_credential").put("id", credentialId).put("secret", secret);
        return bytes(body);
    }

    private static byte[] password(CloudAccount account) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode auth = body.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", account.username()).put("password", account.secret());
        user.putObject("domain").put("name", account.userDomain());
        ObjectNode project = auth.putObject("scope").putObject("project");
        if (account.projectId() != null) {
            project.put("id", account.projectId());
        } else {
            project.put("name", account.projectName());
            project.putObject("domain").put("name", account.projectDomain());
        }
        return bytes(body);
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a token request of plain strings always serialises", e);
        }
    }
}

package org.stackratings.openstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.openstack.identity.v3.domain.KeystoneToken;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Keystone v3 application-credential authentication. openstack4j 3.12 has no builder method for the
 * {@code application_credential} method, so this sends the token request itself and hands the token
 * to openstack4j ({@code OSFactory.clientFromToken}) for everything after.
 */
final class ApplicationCredentialLogin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApplicationCredentialLogin() {
    }

    static KeystoneToken issueToken(String authUrl, String credentialId, String secret, CallLimits limits)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode identity = body.putObject("auth").putObject("identity");
        identity.putArray("methods").add("application_credential");
        identity.putObject("application_credential").put("id", credentialId).put("secret", secret);

        HttpClient http = HttpClients.forConnectTimeout(limits.connectTimeout());
        HttpRequest request = HttpRequest.newBuilder(URI.create(authUrl + "/auth/tokens"))
                .timeout(limits.readTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            CloudFailure failure = response.statusCode() == 401 ? CloudFailure.UNAUTHORIZED : CloudFailure.HTTP_ERROR;
            throw new CloudCallException(failure, response.statusCode(), "HttpStatus",
                    "identity.token.issue: HTTP " + response.statusCode() + " " + abbreviate(response.body()), null);
        }
        String tokenId = response.headers().firstValue("X-Subject-Token").orElseThrow(() -> new CloudCallException(
                CloudFailure.MALFORMED_RESPONSE, response.statusCode(), "MissingHeader",
                "identity.token.issue: no X-Subject-Token header in Keystone's answer", null));
        KeystoneToken token = ObjectMapperSingleton.getContext(KeystoneToken.class).readValue(response.body(), KeystoneToken.class);
        if (token == null || token.getCatalog() == null) {
            throw new CloudCallException(CloudFailure.MALFORMED_RESPONSE, response.statusCode(), "MissingCatalog",
                    "identity.token.issue: the token carries no service catalog", null);
        }
        token.setId(tokenId);
        token.setEndpoint(authUrl);
        return token;
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}

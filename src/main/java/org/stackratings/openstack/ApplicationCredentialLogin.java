package org.stackratings.openstack;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.openstack4j.core.transport.ObjectMapperSingleton;
import org.openstack4j.openstack.identity.v3.domain.KeystoneToken;
import org.stackratings.openstack.http.BoundedClient;
import org.stackratings.openstack.http.BoundedResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Keystone v3 application-credential authentication. openstack4j 3.12 has no builder method for the
 * {@code application_credential} method, so this sends the token request itself (through the session's bounded
 * client) and hands the token to openstack4j ({@code OSFactory.clientFromToken}) for everything after.
 */
final class ApplicationCredentialLogin {

    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    private ApplicationCredentialLogin() {
    }

    static KeystoneToken issueToken(BoundedClient client, String authUrl, String credentialId, String secret) {
        Request.Builder request = new Request.Builder().url(authUrl + "/auth/tokens").header("Accept", "application/json")
                .post(RequestBody.create(TokenRequest.applicationCredential(credentialId, secret), APPLICATION_JSON));
        try (BoundedResponse response = client.send(request, false)) {
            if (response.status() != 201 && response.status() != 200) {
                CloudFailure failure = response.status() == 401 ? CloudFailure.UNAUTHORIZED : CloudFailure.HTTP_ERROR;
                throw new CloudCallException(failure, response.status(), "HttpStatus",
                        "identity.token.issue: HTTP " + response.status() + " " + BodyExcerpt.of(response.text(), List.of(secret)), null);
            }
            String tokenId = response.header("X-Subject-Token");
            if (tokenId == null) {
                throw new CloudCallException(CloudFailure.MALFORMED_RESPONSE, response.status(), "MissingHeader",
                        "identity.token.issue: no X-Subject-Token header in Keystone's answer", null);
            }
            KeystoneToken token;
            try (InputStream in = response.stream()) {
                token = ObjectMapperSingleton.getContext(KeystoneToken.class).readerFor(KeystoneToken.class).readValue(in);
            }
            if (token == null || token.getCatalog() == null) {
                throw new CloudCallException(CloudFailure.MALFORMED_RESPONSE, response.status(), "MissingCatalog",
                        "identity.token.issue: the token carries no service catalog", null);
            }
            token.setId(tokenId);
            token.setEndpoint(authUrl);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

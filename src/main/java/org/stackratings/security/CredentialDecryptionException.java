package org.stackratings.security;

/** A stored secret could not be decrypted: the agency's own fault (wrong key, altered row), never the member's. */
public class CredentialDecryptionException extends RuntimeException {
    public CredentialDecryptionException(String message) {
        super(message);
    }
}

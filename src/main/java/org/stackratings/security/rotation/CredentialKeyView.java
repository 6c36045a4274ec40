package org.stackratings.security.rotation;

import java.util.List;

/**
 * The credential key's state: the current key's id, every configured key's id, the sealed values by kind, and whether
 * the previous keys can be removed from the configuration (every readable value is under the current key).
 */
public record CredentialKeyView(String currentKeyId, List<String> configuredKeyIds, List<SealedValueCount> values,
                                boolean previousKeysNeeded) {
}

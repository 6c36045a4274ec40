package org.stackratings.compliance.conformance;

import java.util.Optional;

/**
 * What the member chose for the run (its probe settings, each null for the agency's pick): the flavor and image of
 * the servers, the network they boot on, and a second flavor, without which resize is NOT_APPLICABLE.
 */
public record MemberChoices(String flavor, String flavorAlt, String image, String network) {

    /** The second flavor the member named, if any (resize needs one). */
    public Optional<String> secondFlavor() {
        return Optional.ofNullable(flavorAlt).filter(f -> !f.isBlank());
    }
}

package org.stackratings.compliance.conformance;

import java.util.Map;

/**
 * The checks of one area (identity, compute servers, images, networks, volumes...), by capability name. The
 * capabilities themselves come only from the guideline: a group holds checks, never the list of what is required.
 */
public interface CheckGroup {

    /** This group's checks, by the guideline's capability names. */
    Map<String, CapabilityCheck> checks();
}

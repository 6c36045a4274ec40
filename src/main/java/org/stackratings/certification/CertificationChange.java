package org.stackratings.certification;

import java.util.Locale;

/** What happened to a certificate; each change is one history entry, one feed entry and one webhook event. */
public enum CertificationChange {
    /** A passing run certified a member that held no valid certificate (never, or lapsed). */
    ISSUED,
    /** A passing run extended a CERTIFIED certificate: new expiry. */
    RENEWED,
    /** A passing run ended an AT_RISK: CERTIFIED again, with a new expiry. */
    RESTORED,
    /** A run failed while certified (or failed other capabilities while already at risk). */
    AT_RISK,
    /** Expiry + grace passed without a passing run. */
    LAPSED;

    /** The CloudEvents type of this change: {@code org.stackratings.certification.issued}, {@code ….at_risk}, …. */
    public String eventType() {
        return "org.stackratings.certification." + name().toLowerCase(Locale.ROOT);
    }
}

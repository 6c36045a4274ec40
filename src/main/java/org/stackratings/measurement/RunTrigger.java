package org.stackratings.measurement;

/** Why a probe run happened. */
public enum RunTrigger {
    SCHEDULED,
    MANUAL
}

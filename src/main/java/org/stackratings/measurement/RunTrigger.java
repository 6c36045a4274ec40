package org.stackratings.measurement;

/** Why a probe run happened. */
public enum RunTrigger {
    SCHEDULED,
    MANUAL,
    /** Not measured: history generated for a sandbox cloud from its profile (docs/sandbox.md, "History backfill"). */
    BACKFILL
}

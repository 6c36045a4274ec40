package org.stackratings.compliance.conformance.checks;

import org.stackratings.compliance.conformance.CheckFailed;
import org.stackratings.openstack.CloudCallException;

/**
 * A check that changes what outlives it (the shared volume's name, metadata, read-only flag or attachment, a router's
 * extra routes, which would keep the clean-up from removing its interfaces) puts it back itself when it passes; when
 * it fails, {@link #onFailure} puts it back before the failure is reported, so that the checks after it and the
 * clean-up find things as the run made them. The check's failure is the one reported: should the undo fail too, its
 * calls and what went wrong are in the same capability's evidence.
 */
public final class Undo {

    private Undo() {
    }

    /** Runs the check; should it fail, runs the undo and rethrows the check's failure (the undo's suppressed). */
    public static void onFailure(Runnable check, Runnable undo) {
        try {
            check.run();
        } catch (CheckFailed | CloudCallException failure) {
            try {
                undo.run();
            } catch (CheckFailed | CloudCallException undoFailed) {
                failure.addSuppressed(undoFailed);
            }
            throw failure;
        }
    }
}

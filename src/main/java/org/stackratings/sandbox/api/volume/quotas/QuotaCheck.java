package org.stackratings.sandbox.api.volume.quotas;

import java.time.Instant;
import java.util.Optional;
import org.stackratings.sandbox.state.volume.VolumeQuotaCheck;
import org.stackratings.sandbox.state.volume.VolumeStore;

/** Cinder's quota check before a create ({@link VolumeQuotaCheck}): the message of its 413 ({@code overLimit}). */
public final class QuotaCheck {

    private QuotaCheck() {
    }

    /** Why adding {@code volumes} volumes, {@code snapshots} snapshots and {@code gigabytes} GiB is refused. */
    public static Optional<String> refusal(VolumeStore store, String project, Instant now, int volumes, int snapshots,
            int gigabytes) {
        return VolumeQuotaCheck.refusal(store, project, now, volumes, snapshots, gigabytes);
    }
}

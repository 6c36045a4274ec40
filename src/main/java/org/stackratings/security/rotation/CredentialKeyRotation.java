package org.stackratings.security.rotation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.stackratings.security.CredentialCipher;

/**
 * Counts the stored sealed values by key, and reseals them under the current credential key (docs/operations.md,
 * "Rotating the credential key"): every package that stores such values observes {@link SealedValues}.
 */
@ApplicationScoped
public class CredentialKeyRotation {

    private static final Logger LOG = Logger.getLogger(CredentialKeyRotation.class);

    private final CredentialCipher cipher;
    private final Event<SealedValues> request;

    CredentialKeyRotation(CredentialCipher cipher, Event<SealedValues> request) {
        this.cipher = cipher;
        this.request = request;
    }

    public CredentialKeyView state() {
        return ask(SealedValues.Mode.COUNT);
    }

    /** Reseals every value not under the current key; safe to repeat, and to run while other instances write. */
    public CredentialKeyView reseal() {
        CredentialKeyView view = ask(SealedValues.Mode.RESEAL);
        view.values().forEach(v -> LOG.infof("Credential key %s: %d %s resealed, %d of %d under it, %d unreadable",
                view.currentKeyId(), v.resealed(), v.kind(), v.underCurrentKey(), v.total(), v.unreadable()));
        return view;
    }

    private CredentialKeyView ask(SealedValues.Mode mode) {
        SealedValues values = new SealedValues(mode, cipher);
        request.fire(values);
        List<SealedValueCount> counts = values.counts().stream()
                .sorted(Comparator.comparing(SealedValueCount::kind)).toList();
        boolean needed = counts.stream().anyMatch(c -> c.underCurrentKey() + c.unreadable() < c.total());
        return new CredentialKeyView(cipher.currentKeyId(), cipher.keyIds(), counts, needed);
    }
}

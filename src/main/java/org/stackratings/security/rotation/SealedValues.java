package org.stackratings.security.rotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.stackratings.security.CredentialCipher;
import org.stackratings.security.CredentialDecryptionException;

/**
 * The event that asks every package storing values sealed with {@link CredentialCipher} (member credentials, webhook
 * secrets, statement signing keys) to count them by key, or to reseal them under the current key. Each observer
 * names its column as a {@link SealedColumn}, which shows a {@link Tally} every stored value and hands it back.
 */
public final class SealedValues {

    /** Count only, or reseal what is not under the current key. */
    public enum Mode {
        COUNT, RESEAL
    }

    private final Mode mode;
    private final CredentialCipher cipher;
    private final List<SealedValueCount> counts = new ArrayList<>();

    SealedValues(Mode mode, CredentialCipher cipher) {
        this.mode = mode;
        this.cipher = cipher;
    }

    public Tally tally(String kind) {
        return new Tally(kind);
    }

    public synchronized void add(Tally tally) {
        counts.add(tally.count());
    }

    synchronized List<SealedValueCount> counts() {
        return List.copyOf(counts);
    }

    /** One kind of value: how many, under which key, how many were resealed, and how many open under no key. */
    public final class Tally {

        private final String kind;
        private final Map<String, Integer> byKey = new TreeMap<>();
        private int total;
        private int resealed;
        private int unreadable;

        private Tally(String kind) {
            this.kind = kind;
        }

        /**
         * Counts {@code stored} (sealed for {@code owner}); when resealing and it is not under the current key, seals it
         * afresh and hands the new value to {@code write}, which stores it only if the row still holds
         * {@code stored} (a compare-and-set, so a value changed meanwhile is never overwritten) and says whether it did.
         * A value that opens under no configured key is counted unreadable and left as it is.
         */
        public void visit(String stored, String owner, Predicate<String> write) {
            total++;
            String key = cipher.keyIdOf(stored).orElse("v1");
            if (mode == Mode.RESEAL && !cipher.isCurrent(stored)) {
                try {
                    if (write.test(cipher.reseal(stored, owner))) {
                        resealed++;
                        key = cipher.currentKeyId();
                    }
                } catch (CredentialDecryptionException e) {
                    unreadable++;
                }
            } else if (!cipher.isCurrent(stored) && !opens(stored, owner)) {
                unreadable++;
            }
            byKey.merge(key, 1, Integer::sum);
        }

        private boolean opens(String stored, String owner) {
            try {
                cipher.decrypt(stored, owner);
                return true;
            } catch (CredentialDecryptionException e) {
                return false;
            }
        }

        private SealedValueCount count() {
            return new SealedValueCount(kind, total, byKey.getOrDefault(cipher.currentKeyId(), 0), Map.copyOf(byKey),
                    resealed, unreadable);
        }
    }
}

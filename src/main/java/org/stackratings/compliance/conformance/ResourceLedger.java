package org.stackratings.compliance.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a conformance run created and has not deleted yet, so that the run deletes it at the end in dependency
 * order ({@link ResourceKind}'s order, and within a kind the newest first). Checks add what they create at once (before
 * waiting for it), and remove what they delete themselves.
 */
public final class ResourceLedger {

    /** One resource the run created. */
    record Created(ResourceKind kind, String id) {
    }

    private final List<Created> created = new ArrayList<>();

    /** Adds a resource the run created. */
    public synchronized void add(ResourceKind kind, String id) {
        created.add(new Created(kind, id));
    }

    /** Adds a resource unless the ledger has it already. */
    public synchronized void addOnce(ResourceKind kind, String id) {
        if (!created.contains(new Created(kind, id))) {
            created.add(new Created(kind, id));
        }
    }

    /** Takes out a resource the run deleted itself. */
    public synchronized void deleted(ResourceKind kind, String id) {
        created.remove(new Created(kind, id));
    }

    /** What is left, in the order to delete it. */
    synchronized List<Created> inDeletionOrder() {
        List<Created> order = new ArrayList<>(created);
        java.util.Collections.reverse(order);
        order.sort(Comparator.comparing(Created::kind));
        return order;
    }

    synchronized boolean isEmpty() {
        return created.isEmpty();
    }
}

package org.stackratings.statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.stackratings.security.rotation.SealedColumn;
import org.stackratings.security.rotation.SealedValues;

/** Generated statement signing keys (their private halves), counted and resealed when the credential key rotates. */
@ApplicationScoped
class StatementKeySealing {

    private static final SealedColumn PRIVATE_KEYS = new SealedColumn("statement signing keys", "StatementKey", "kid",
            "kid", "privateJwk", kid -> StatementKeyStore.owner((String) kid));

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onSealing(@Observes SealedValues request) {
        PRIVATE_KEYS.visit(request, StatementKey.getEntityManager());
    }
}

package org.stackratings.statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import org.stackratings.security.rotation.SealedValues;

/** Generated statement signing keys (their private halves), counted and resealed when the credential key rotates. */
@ApplicationScoped
class StatementKeySealing {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onSealing(@Observes SealedValues request) {
        SealedValues.Tally tally = request.tally("statement signing keys");
        List<Object[]> rows = StatementKey.getEntityManager()
                .createQuery("select k.kid, k.privateJwk from StatementKey k order by k.kid", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            String kid = (String) row[0];
            tally.visit((String) row[1], StatementKeyStore.owner(kid), resealed -> StatementKey.update(
                    "privateJwk = ?1 where kid = ?2 and privateJwk = ?3", resealed, kid, row[1]) == 1);
        }
        request.add(tally);
    }
}

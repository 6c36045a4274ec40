package org.stackratings.publish.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.stackratings.security.rotation.SealedValues;

/** Webhook subscriptions' signing secrets, counted and resealed when the credential key rotates (security.rotation). */
@ApplicationScoped
class SubscriptionSecretSealing {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onSealing(@Observes SealedValues request) {
        SealedValues.Tally tally = request.tally("webhook secrets");
        List<Object[]> rows = Subscription.getEntityManager()
                .createQuery("select s.id, s.secretEncrypted from Subscription s order by s.id", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            tally.visit((String) row[1], SubscriptionService.secretOwner(id), resealed -> Subscription.update(
                    "secretEncrypted = ?1 where id = ?2 and secretEncrypted = ?3", resealed, id, row[1]) == 1);
        }
        request.add(tally);
    }
}

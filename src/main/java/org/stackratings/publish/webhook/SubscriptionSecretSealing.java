package org.stackratings.publish.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.stackratings.security.rotation.SealedColumn;
import org.stackratings.security.rotation.SealedValues;

/** Webhook subscriptions' signing secrets, counted and resealed when the credential key rotates (security.rotation). */
@ApplicationScoped
class SubscriptionSecretSealing {

    private static final SealedColumn SECRETS = new SealedColumn("webhook secrets", "Subscription", "id", "id",
            "secretEncrypted", id -> SubscriptionService.secretOwner((UUID) id));

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onSealing(@Observes SealedValues request) {
        SECRETS.visit(request, Subscription.getEntityManager());
    }
}

package org.stackratings.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.stackratings.security.rotation.SealedColumn;
import org.stackratings.security.rotation.SealedValues;

/** Members' stored credentials (sealed for the member's slug), counted and resealed when the credential key rotates. */
@ApplicationScoped
class MemberCredentialSealing {

    private static final SealedColumn CREDENTIALS = new SealedColumn("member credentials", "Member", "id", "slug",
            "secretCiphertext", slug -> (String) slug);

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onSealing(@Observes SealedValues request) {
        CREDENTIALS.visit(request, Member.getEntityManager());
    }
}

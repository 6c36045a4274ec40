package org.stackratings.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import org.stackratings.security.rotation.SealedValues;

/** Members' stored credentials, counted and resealed when the credential key rotates (security.rotation). */
@ApplicationScoped
class MemberCredentialSealing {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onSealing(@Observes SealedValues request) {
        SealedValues.Tally tally = request.tally("member credentials");
        List<Object[]> rows = Member.getEntityManager()
                .createQuery("select m.id, m.slug, m.secretCiphertext from Member m order by m.id", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            tally.visit((String) row[2], (String) row[1], resealed -> Member.update(
                    "secretCiphertext = ?1 where id = ?2 and secretCiphertext = ?3", resealed, row[0], row[2]) == 1);
        }
        request.add(tally);
    }
}

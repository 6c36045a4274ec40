package org.stackratings.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.stackratings.security.MemberDirectory;

/** Tells the key service whether the member a provider key names exists. */
@ApplicationScoped
class MemberKeyDirectory implements MemberDirectory {

    @Override
    @Transactional
    public Standing standing(String slug) {
        return Member.findBySlug(slug)
                .map(m -> m.status == MemberStatus.WITHDRAWN ? Standing.WITHDRAWN : Standing.ACTIVE)
                .orElse(Standing.UNKNOWN);
    }
}

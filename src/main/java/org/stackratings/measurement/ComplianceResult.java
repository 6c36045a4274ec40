package org.stackratings.measurement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The latest compliance result of one member for one capability, with its evidence (JSON). */
@Entity
@Table(name = "compliance_result")
public class ComplianceResult extends PanacheEntityBase {

    @EmbeddedId
    public Key id;
    public String guideline;
    public String status;
    public String evidence;
    @Column(name = "run_id")
    public UUID runId;
    @Column(name = "checked_at")
    public Instant checkedAt;

    public static List<ComplianceResult> ofMember(long memberId) {
        return list("id.memberId = ?1 order by id.capability", memberId);
    }

    @Embeddable
    public record Key(@Column(name = "member_id") long memberId, String capability) implements Serializable {
    }
}

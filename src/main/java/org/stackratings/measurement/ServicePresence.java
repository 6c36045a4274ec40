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

/** Whether a member's catalog offers a service, and since when. */
@Entity
@Table(name = "service_presence")
public class ServicePresence extends PanacheEntityBase {

    @EmbeddedId
    public Key id;
    public boolean present;
    public Instant since;

    public static List<ServicePresence> missingFor(long memberId) {
        return list("id.memberId = ?1 and present = false order by id.service", memberId);
    }

    @Embeddable
    public record Key(@Column(name = "member_id") long memberId, String service) implements Serializable {
    }
}

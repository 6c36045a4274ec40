package org.stackratings.security.rotation;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;

/**
 * A column of sealed values in an entity: {@code entity.value} sealed for the owner that {@code owner} makes of
 * {@code entity.ownerField}, rows named by {@code entity.idField}. {@link #visit} shows every stored value to a
 * {@link SealedValues.Tally} and writes a resealed one back only if the row still holds the value read (a
 * compare-and-set, so a value changed meanwhile is never overwritten).
 */
public record SealedColumn(String kind, String entity, String idField, String ownerField, String valueField,
                           Function<Object, String> owner) {

    /** Counts or reseals the column (as the request asks) in the caller's transaction, and reports it. */
    public void visit(SealedValues request, EntityManager em) {
        SealedValues.Tally tally = request.tally(kind);
        List<Object[]> rows = em.createQuery("select e." + idField + ", e." + ownerField + ", e." + valueField
                + " from " + entity + " e order by e." + idField, Object[].class).getResultList();
        String update = "update " + entity + " e set e." + valueField + " = :resealed where e." + idField
                + " = :id and e." + valueField + " = :stored";
        for (Object[] row : rows) {
            tally.visit((String) row[2], owner.apply(row[1]), resealed -> em.createQuery(update)
                    .setParameter("resealed", resealed).setParameter("id", row[0]).setParameter("stored", row[2])
                    .executeUpdate() == 1);
        }
        request.add(tally);
    }
}

package org.vein2vein.batch.persistence;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.vein2vein.kernel.Coi;
import org.vein2vein.product.domain.QcResult;
import org.vein2vein.product.domain.QcTest;
import org.vein2vein.product.domain.QualitativeOutcome;

/** The results of each batch's latest QC_TESTED step, as the release gate reads them. */
@ApplicationScoped
public class QcResultRepository {

    private final EntityManager entityManager;

    public QcResultRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The batch's results now: those of its newest QC_TESTED step replace any before. */
    public void replace(Coi coi, List<QcResult> results) {
        entityManager.createNativeQuery("delete from qc_result where coi = :coi")
                .setParameter("coi", coi.value())
                .executeUpdate();
        for (QcResult result : results) {
            entityManager.createNativeQuery("insert into qc_result (coi, test, value, unit, outcome, method) "
                    + "values (:coi, :test, cast(:value as numeric), cast(:unit as varchar), cast(:outcome as varchar), :method)")
                    .setParameter("coi", coi.value())
                    .setParameter("test", result.test().name())
                    // As text, so that an absent value binds as a typed null and a present one keeps its scale.
                    .setParameter("value", result.value().map(BigDecimal::toPlainString).orElse(null))
                    .setParameter("unit", result.unit().orElse(null))
                    .setParameter("outcome", result.outcome().map(Enum::name).orElse(null))
                    .setParameter("method", result.method())
                    .executeUpdate();
        }
    }

    public List<QcResult> of(Coi coi) {
        List<?> rows = entityManager.createNativeQuery("select test, value, unit, outcome, method from qc_result "
                + "where coi = :coi order by test")
                .setParameter("coi", coi.value())
                .getResultList();
        return rows.stream().map(row -> (Object[]) row).map(columns -> new QcResult(
                QcTest.valueOf((String) columns[0]), Optional.ofNullable((BigDecimal) columns[1]),
                Optional.ofNullable((String) columns[3]).map(QualitativeOutcome::valueOf),
                Optional.ofNullable((String) columns[2]), (String) columns[4])).toList();
    }
}

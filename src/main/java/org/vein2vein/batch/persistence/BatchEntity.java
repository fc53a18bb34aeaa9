package org.vein2vein.batch.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.vein2vein.batch.domain.Batch;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.kernel.Coi;
import org.vein2vein.kernel.Stage;
import org.vein2vein.kernel.StagePlan;

/** The stored state of a batch; the custody ledger holds its history. */
@Entity
@Table(name = "batch")
public class BatchEntity {

    @Id
    @Column(name = "coi", length = 14)
    String coi;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 16)
    BatchType type;

    @Column(name = "subject_reference", nullable = false, length = 64)
    String subjectReference;

    @Column(name = "product_code", nullable = false, length = 32)
    String productCode;

    @Column(name = "product_version")
    Integer productVersion;

    @Column(name = "collection_site", nullable = false, length = 64)
    String collectionSite;

    /** An autologous batch's: the patient's treatment site, where its bags are shipped. */
    @Column(name = "treatment_site", length = 64)
    String treatmentSite;

    @Enumerated(EnumType.STRING)
    @Column(name = "stage", nullable = false, length = 40)
    Stage stage;

    @Enumerated(EnumType.STRING)
    @Column(name = "resume_stage", length = 40)
    Stage resumeStage;

    @Column(name = "registered_at", nullable = false)
    Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    /** The ledger event that put the batch at its current stage; verification checks the ledger agrees. */
    @Column(name = "state_sequence")
    Long stateSequence;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected BatchEntity() {
    }

    /** A new batch, following version {@code productVersion} of its product. */
    public static BatchEntity of(Batch batch, int productVersion, Optional<String> treatmentSite, Instant now) {
        BatchEntity entity = new BatchEntity();
        entity.treatmentSite = treatmentSite.orElse(null);
        entity.coi = batch.coi().value();
        entity.type = batch.type();
        entity.subjectReference = batch.subjectReference();
        entity.productCode = batch.productCode();
        entity.productVersion = productVersion;
        entity.collectionSite = batch.collectionSite();
        entity.registeredAt = now;
        entity.apply(batch, now);
        return entity;
    }

    /** Takes over the state of {@code batch}, the same batch after a step. */
    public void apply(Batch batch, Instant now) {
        if (!batch.coi().value().equals(coi)) {
            throw new IllegalArgumentException("a batch entity only takes the state of its own batch");
        }
        stage = batch.stage();
        resumeStage = batch.resumeStage().orElse(null);
        updatedAt = now;
    }

    /** Notes that ledger event {@code sequence} put the batch at the stage it has now. */
    public void stateSetBy(long sequence) {
        stateSequence = sequence;
    }

    /** The ledger event that put the batch at its current stage; empty for a batch older than this record. */
    public OptionalLong stateSequence() {
        return stateSequence == null ? OptionalLong.empty() : OptionalLong.of(stateSequence);
    }

    /**
     * The stored batch, following {@code plan}: the plan lives with the product version the batch is
     * pinned to, which this entity only names.
     */
    public Batch toDomain(StagePlan plan) {
        return new Batch(new Coi(coi), type, subjectReference, productCode, collectionSite, plan, stage,
                Optional.ofNullable(resumeStage));
    }

    public BatchType type() {
        return type;
    }

    public String subjectReference() {
        return subjectReference;
    }

    public String productCode() {
        return productCode;
    }

    public String collectionSite() {
        return collectionSite;
    }

    public Optional<String> treatmentSite() {
        return Optional.ofNullable(treatmentSite);
    }

    /** Where the batch stands now. */
    public Stage stage() {
        return stage;
    }

    /** Fixed at registration: a later version of the product does not change it. */
    public OptionalInt productVersion() {
        return productVersion == null ? OptionalInt.empty() : OptionalInt.of(productVersion);
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}

package org.vein2vein.product.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.vein2vein.kernel.Actor;
import org.vein2vein.platform.persistence.ActorColumns;
import org.vein2vein.product.domain.ProductDefinition;
import org.vein2vein.product.domain.ProductVersion;

/** Products and their versions, as stored. Versions are only ever added. */
@ApplicationScoped
public class ProductRepository {

    private final EntityManager entities;
    private final DefinitionJson json;

    public ProductRepository(EntityManager entities, ObjectMapper mapper) {
        this.entities = entities;
        this.json = new DefinitionJson(mapper);
    }

    /**
     * Saves a new product with {@code first} as its version 1.
     *
     * @return false, writing nothing, when a product with the code exists (or is being created
     *         by a transaction that has not ended: this waits for it)
     */
    public boolean create(ProductVersion first) {
        // ON CONFLICT rather than a lookup first: two concurrent creations cannot both pass.
        int inserted = entities.createNativeQuery("""
                INSERT INTO product (code, type, current_version, updated_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (code) DO NOTHING""")
                .setParameter(1, first.code())
                .setParameter(2, first.definition().type().name())
                .setParameter(3, first.version())
                .setParameter(4, first.createdAt())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        entities.persist(toEntity(first));
        return true;
    }

    /** The product, its row locked until the transaction ends, so that its versions follow one another. */
    public Optional<ProductEntity> findForUpdate(String code) {
        return Optional.ofNullable(entities.find(ProductEntity.class, code, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Saves {@code next} and makes it the product's current version. */
    public void addVersion(ProductEntity product, ProductVersion next) {
        entities.persist(toEntity(next));
        product.moveTo(next.version(), next.createdAt());
    }

    public Optional<ProductVersion> current(String code) {
        return Optional.ofNullable(entities.find(ProductEntity.class, code))
                .flatMap(product -> version(code, product.currentVersion()));
    }

    public Optional<ProductVersion> version(String code, int version) {
        return Optional.ofNullable(entities.find(ProductVersionEntity.class,
                new ProductVersionEntity.Key(code, version))).map(this::toDomain);
    }

    /** The current version of every product, by code. */
    public List<ProductVersion> allCurrent() {
        return entities.createQuery("""
                SELECT v FROM ProductVersionEntity v, ProductEntity p
                WHERE v.code = p.code AND v.version = p.currentVersion ORDER BY v.code""", ProductVersionEntity.class)
                .getResultStream().map(this::toDomain).toList();
    }

    private ProductVersionEntity toEntity(ProductVersion version) {
        ProductVersionEntity entity = new ProductVersionEntity();
        ProductDefinition definition = version.definition();
        entity.code = definition.code();
        entity.version = version.version();
        entity.name = definition.name();
        entity.type = definition.type();
        entity.definition = json.write(definition);
        entity.createdAt = version.createdAt();
        entity.createdBy = ActorColumns.of(version.createdBy());
        return entity;
    }

    private ProductVersion toDomain(ProductVersionEntity entity) {
        return new ProductVersion(json.read(entity.code, entity.name, entity.type, entity.definition), entity.version,
                entity.createdAt, entity.createdBy.toActor());
    }
}

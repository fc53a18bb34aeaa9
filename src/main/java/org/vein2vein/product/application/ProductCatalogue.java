package org.vein2vein.product.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.vein2vein.kernel.Actor;
import org.vein2vein.kernel.BatchType;
import org.vein2vein.platform.security.Caller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.product.domain.DefinitionViolation;
import org.vein2vein.product.domain.InvalidProductDefinitionException;
import org.vein2vein.product.domain.ProductDefinition;
import org.vein2vein.product.domain.ProductVersion;
import org.vein2vein.product.persistence.ProductEntity;
import org.vein2vein.product.persistence.ProductRepository;

/**
 * The products batches are made of. Admins create them and change them; every change is a new
 * version, and the versions batches are pinned to stay as they were.
 */
@ApplicationScoped
@Transactional
public class ProductCatalogue {

    private final ProductRepository products;
    private final Clock clock;
    /**
     * Versions read by {@link #version}, by code and version. A saved version never changes (the
     * database refuses it), so a copy read once stays right for good; every step and every read of a
     * batch needs its version's plan, and this spares the query. Only versions that exist are kept,
     * so it holds at most the few versions admins have saved.
     */
    private final Map<VersionKey, ProductVersion> versions = new ConcurrentHashMap<>();

    public ProductCatalogue(ProductRepository products, Clock clock) {
        this.products = products;
        this.clock = clock;
    }

    /**
     * Creates a product as its version 1.
     *
     * @throws InvalidProductDefinitionException when the definition is not valid
     * @throws ProductExistsException when a product has the code already
     */
    public ProductVersion create(ProductDefinition definition, Caller admin) {
        return createIfAbsent(definition, admin.actingAs(Roles.ADMIN))
                .orElseThrow(() -> new ProductExistsException(definition.code()));
    }

    /**
     * Creates a product as its version 1, saved by {@code author}, unless a product has the code. Of
     * several creations of one code at once, one creates it and the others wait for it and find it.
     *
     * @return the new version; empty, having written nothing, when a product has the code
     * @throws InvalidProductDefinitionException when the definition is not valid
     */
    public Optional<ProductVersion> createIfAbsent(ProductDefinition definition, Actor author) {
        ProductVersion first = new ProductVersion(definition.validated(), 1, now(), author);
        if (!products.create(first)) {
            return Optional.empty();
        }
        Log.infof("Product %s created (%s)", definition.code(), definition.type());
        return Optional.of(first);
    }

    /**
     * Saves a new version of a product, if the client changed the current one.
     *
     * @param expectedVersion the version the client read and changed
     * @throws ProductNotFoundException when no product has the code
     * @throws StaleProductException when the product has moved past {@code expectedVersion}
     * @throws InvalidProductDefinitionException when the definition is not valid, or changes the type
     */
    public ProductVersion update(ProductDefinition definition, long expectedVersion, Caller admin) {
        ProductEntity product = products.findForUpdate(definition.code())
                .orElseThrow(() -> new ProductNotFoundException(definition.code(), OptionalInt.empty()));
        if (product.currentVersion() != expectedVersion) {
            throw new StaleProductException(definition.code(), expectedVersion, product.currentVersion());
        }
        if (definition.type() != product.type()) {
            // Its batches are of one type; a product of the other type is another product.
            throw new InvalidProductDefinitionException(definition.code(), List.of(new DefinitionViolation("type",
                    "a product keeps its type: " + definition.code() + " is " + product.type())));
        }
        ProductVersion next = new ProductVersion(definition.validated(), product.currentVersion() + 1, now(),
                admin.actingAs(Roles.ADMIN));
        products.addVersion(product, next);
        Log.infof("Product %s is now at version %d", definition.code(), next.version());
        return next;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProductVersion> all() {
        return products.allCurrent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProductVersion> current(String code) {
        return products.current(code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ProductVersion> version(String code, int version) {
        VersionKey key = new VersionKey(code, version);
        ProductVersion known = versions.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ProductVersion> found = products.version(code, version);
        found.ifPresent(saved -> versions.put(key, saved));
        return found;
    }

    /**
     * The version a new batch of {@code type} is pinned to: the current version of its product.
     *
     * @throws ProductNotApplicableException when no product has the code, or it is for the other type
     */
    public ProductVersion versionForNewBatch(String code, BatchType type) {
        ProductVersion current = products.current(code)
                .orElseThrow(() -> new ProductNotApplicableException("no product has code " + code));
        if (current.definition().type() != type) {
            throw new ProductNotApplicableException("product " + code + " is " + current.definition().type()
                    + ", not " + type);
        }
        return current;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record VersionKey(String code, int version) {
    }
}

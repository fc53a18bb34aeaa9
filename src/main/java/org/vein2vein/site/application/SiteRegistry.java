package org.vein2vein.site.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import org.vein2vein.kernel.Actor;
import org.vein2vein.platform.security.Caller;
import org.vein2vein.platform.security.Roles;
import org.vein2vein.site.domain.Site;
import org.vein2vein.site.domain.SiteKind;
import org.vein2vein.site.domain.SiteRevision;
import org.vein2vein.site.persistence.SiteEntity;
import org.vein2vein.site.persistence.SiteRepository;
import org.vein2vein.site.persistence.SiteRevisionEntity;
import org.vein2vein.site.persistence.SiteRevisionRepository;

/**
 * The registry of sites, managed by administrators. Each version of a site is also appended to
 * its revisions, in the same transaction, with who wrote it: a change never hides what was before.
 */
@ApplicationScoped
@Transactional
public class SiteRegistry {

    private final SiteRepository sites;
    private final SiteRevisionRepository revisions;
    private final Clock clock;

    public SiteRegistry(SiteRepository sites, SiteRevisionRepository revisions, Clock clock) {
        this.sites = sites;
        this.revisions = revisions;
        this.clock = clock;
    }

    /**
     * Creates a site, active, at version 1.
     *
     * @throws SiteExistsException when a site has the code already
     */
    public SiteState create(String code, String name, SiteKind kind, String organisation, Caller admin) {
        sites.lockCode(code);
        if (sites.exists(code)) {
            throw new SiteExistsException(code);
        }
        return created(Site.create(code, name, kind, organisation), admin.actingAs(Roles.ADMIN));
    }

    /** Creates the site unless a site has its code, whatever its values; replicas doing so at once create it once. */
    public Optional<SiteState> createIfAbsent(Site site, Actor author) {
        sites.lockCode(site.code());
        return sites.exists(site.code()) ? Optional.empty() : Optional.of(created(site, author));
    }

    private SiteState created(Site site, Actor author) {
        Instant now = now();
        SiteEntity entity = SiteEntity.of(site, now);
        sites.persist(entity);
        revisions.persist(SiteRevisionEntity.of(new SiteRevision(site, now, author)));
        Log.infof("Site %s created (%s)", site.code(), site.kind());
        return new SiteState(site, entity.createdAt(), entity.updatedAt());
    }

    /** The organisation that runs the site, which holds the units there; empty for a code the registry lacks. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> organisationOf(String code) {
        return find(code).map(state -> state.site().organisation());
    }

    /**
     * Replaces the site's values if it is still at the version the client read.
     *
     * @throws SiteNotFoundException when no site has the code
     * @throws StaleSiteException when the site is no longer at {@code expectedVersion}
     */
    public SiteState update(String code, long expectedVersion, SiteValues values, Caller admin) {
        SiteEntity entity = sites.findForUpdate(code).orElseThrow(() -> new SiteNotFoundException(code));
        Site current = entity.toDomain();
        if (current.version() != expectedVersion) {
            throw new StaleSiteException(expectedVersion, current.version());
        }
        Site next = current.revise(values.name(), values.kind(), values.organisation(), values.active());
        Instant now = now();
        entity.apply(next, now);
        revisions.persist(SiteRevisionEntity.of(new SiteRevision(next, now, admin.actingAs(Roles.ADMIN))));
        Log.infof("Site %s changed to version %d", code, next.version());
        return new SiteState(next, entity.createdAt(), entity.updatedAt());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SiteState> find(String code) {
        return sites.find(code).map(SiteRegistry::stateOf);
    }

    /** Up to {@code limit} sites from {@code fromCode} on, in code order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SiteState, String> page(String fromCode, int limit) {
        return pageOf(sites.page(fromCode, limit + 1), limit, SiteRegistry::stateOf, state -> state.site().code());
    }

    /**
     * Up to {@code limit} revisions of the site from {@code fromVersion} on, oldest first.
     *
     * @throws SiteNotFoundException when no site has the code
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SiteRevision, Long> revisions(String code, long fromVersion, int limit) {
        if (!sites.exists(code)) {
            throw new SiteNotFoundException(code);
        }
        return pageOf(revisions.page(code, fromVersion, limit + 1), limit, SiteRevisionEntity::toDomain,
                revision -> revision.site().version());
    }

    /** One row more than the page is read: when it is there, the next page starts with it. */
    private static <E, T, K> Page<T, K> pageOf(List<E> rows, int limit, Function<E, T> toItem, Function<T, K> keyOf) {
        List<T> items = rows.stream().map(toItem).toList();
        if (items.size() <= limit) {
            return new Page<>(items, Optional.empty());
        }
        return new Page<>(items.subList(0, limit), Optional.of(keyOf.apply(items.get(limit))));
    }

    private static SiteState stateOf(SiteEntity entity) {
        return new SiteState(entity.toDomain(), entity.createdAt(), entity.updatedAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

package org.vein2vein.site.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

import org.vein2vein.kernel.Actor;
import org.vein2vein.platform.demo.DemoDataConfig;
import org.vein2vein.site.domain.Site;
import org.vein2vein.site.domain.SiteKind;

/**
 * The fictional sites the journey and the embedded dev tokens use, created at start where demo data
 * is enabled (embedded mode, tests) and no site has their code. A database the service is pointed at
 * never gets them: its administrators register their own sites.
 */
@ApplicationScoped
public class DemoSites {

    static final Actor AUTHOR = Actor.system("demo-data");

    /** A hospital that collects its patients' cells and infuses them, a manufacturer, a second hospital. */
    static final List<Site> SITES = List.of(
            Site.create("SITE-LYON-01", "Hôpital de démonstration, Lyon (apheresis and cell therapy unit)",
                    SiteKind.TREATMENT, "HOSP-LYON"),
            Site.create("MFG-GENT-01", "Demonstration cell therapy manufacturing, Gent", SiteKind.MANUFACTURING,
                    "MFG-GENT"),
            Site.create("SITE-BRUX-02", "Hôpital de démonstration, Bruxelles", SiteKind.TREATMENT, "HOSP-BRUX"));

    private final DemoDataConfig config;
    private final SiteRegistry registry;

    public DemoSites(DemoDataConfig config, SiteRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            for (Site site : SITES) {
                registry.createIfAbsent(site, AUTHOR).ifPresent(created -> Log.warnf(
                        "Demo site %s created: fictional, for embedded mode and tests only", created.site().code()));
            }
        }
    }
}

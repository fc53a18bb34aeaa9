package org.vein2vein.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Declares the shared infrastructure once for the whole test run. */
@QuarkusTestResource(value = TestInfrastructure.class, restrictToAnnotatedClass = false)
public final class UsesTestInfrastructure {

    private UsesTestInfrastructure() {
    }
}

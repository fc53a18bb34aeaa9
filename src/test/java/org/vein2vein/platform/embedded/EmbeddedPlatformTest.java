package org.vein2vein.platform.embedded;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddedPlatformTest {

    @ParameterizedTest
    @CsvSource({ "Linux, amd64", "Linux, aarch64", "Mac OS X, x86_64", "Mac OS X, aarch64" })
    void startsWherePostgresBinariesAreShipped(String os, String arch) {
        assertThatCode(() -> EmbeddedPlatform.requireSupported(os, arch)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({ "Windows 11, amd64", "Linux, ppc64le", "FreeBSD, amd64", "Linux, x86" })
    void saysPlainlyWhereItCannotAndWhatToSetInstead(String os, String arch) {
        assertThatThrownBy(() -> EmbeddedPlatform.requireSupported(os, arch))
                .isInstanceOf(EmbeddedStartRefused.class)
                .hasMessageContaining(os).hasMessageContaining(arch)
                .hasMessageContaining("QUARKUS_DATASOURCE_JDBC_URL").hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }
}

package dev.slotbridge.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture as rules on the compiled classes of every module: front doors → HTTP edge → engine → council
 * routing and resilience → providers through {@code core-api}, storage behind the engine's interfaces. A change that
 * points the other way, or brings HTTP into the engine, fails here.
 */
final class ArchitectureRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.slotbridge");
    }

    @Test
    void layersOnlyPointDown() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Assembly").definedBy("dev.slotbridge.server..")
                .layer("V1 door").definedBy("dev.slotbridge.door.v1..")
                .layer("HRO door").definedBy("dev.slotbridge.door.hro..")
                .layer("HTTP edge").definedBy("dev.slotbridge.http..")
                .layer("Redis store").definedBy("dev.slotbridge.store.redis..")
                .layer("Engine").definedBy("dev.slotbridge.engine..")
                .layer("Configuration").definedBy("dev.slotbridge.config..")
                .layer("Providers").definedBy("dev.slotbridge.provider..")
                .layer("SPI").definedBy("dev.slotbridge.spi..")
                .whereLayer("Assembly").mayNotBeAccessedByAnyLayer()
                .whereLayer("V1 door").mayOnlyBeAccessedByLayers("Assembly")
                .whereLayer("HRO door").mayOnlyBeAccessedByLayers("Assembly")
                .whereLayer("Redis store").mayOnlyBeAccessedByLayers("Assembly")
                .whereLayer("HTTP edge").mayOnlyBeAccessedByLayers("V1 door", "HRO door", "Assembly")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("HTTP edge", "V1 door", "HRO door", "Redis store",
                        "Assembly")
                .whereLayer("Configuration").mayOnlyBeAccessedByLayers("Engine", "HTTP edge", "V1 door", "HRO door",
                        "Redis store", "Assembly")
                // found by ServiceLoader, never named
                .whereLayer("Providers").mayNotBeAccessedByAnyLayer();
        layers.check(classes);
    }

    @Test
    void theEngineAndConfigurationKnowNoHttp() {
        noClasses().that().resideInAnyPackage("dev.slotbridge.engine..", "dev.slotbridge.config..",
                        "dev.slotbridge.store.redis..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "io.micronaut.web..",
                        "io.netty.handler.codec.http..")
                .because("the engine serves every door; HTTP is the doors' and the edge's")
                .check(classes);
    }

    @Test
    void providersSeeOnlyCoreApi() {
        noClasses().that().resideInAnyPackage("dev.slotbridge.provider..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.slotbridge.engine..", "dev.slotbridge.http..",
                        "dev.slotbridge.door..", "dev.slotbridge.store..", "dev.slotbridge.config..",
                        "dev.slotbridge.server..", "io.micronaut..")
                .because("a plugin author needs only core-api")
                .check(classes);
    }

    @Test
    void modulesFormNoCycle() {
        slices().matching("dev.slotbridge.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void engineConcernsFormNoCycle() {
        slices().matching("dev.slotbridge.engine.(*)..").should().beFreeOfCycles().check(classes);
    }
}

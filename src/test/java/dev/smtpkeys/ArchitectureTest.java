package dev.smtpkeys;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The direction of the feature packages (README, "Layout"): {@code web ← account ← audit ← keys ←
 * outbound ← relay}, {@code keys ← activity}, and {@code admin} may use them all; "a ← b" means b
 * may import a, never the reverse. A lower package that must hear from a higher one owns a small
 * interface or fires a CDI event. Main classes only: tests and their fixtures may reach everywhere.
 * Plain JUnit tests over ArchUnit's rules, so they run with the rest of the suite.
 */
class ArchitectureTest {

    private static final String[] FEATURES = {"web", "account", "audit", "keys", "outbound", "relay", "activity", "admin"};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.smtpkeys");

    @Test
    void importsRunOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy("dev.smtpkeys.web..")
                .layer("account").definedBy("dev.smtpkeys.account..")
                .layer("audit").definedBy("dev.smtpkeys.audit..")
                .layer("keys").definedBy("dev.smtpkeys.keys..")
                .layer("outbound").definedBy("dev.smtpkeys.outbound..")
                .layer("relay").definedBy("dev.smtpkeys.relay..")
                .layer("activity").definedBy("dev.smtpkeys.activity..")
                .layer("admin").definedBy("dev.smtpkeys.admin..")
                .whereLayer("web").mayNotAccessAnyLayer()
                .whereLayer("account").mayOnlyAccessLayers("web")
                .whereLayer("audit").mayOnlyAccessLayers("web", "account")
                .whereLayer("keys").mayOnlyAccessLayers("web", "account", "audit")
                .whereLayer("outbound").mayOnlyAccessLayers("web", "account", "audit", "keys")
                .whereLayer("relay").mayOnlyAccessLayers("web", "account", "audit", "keys", "outbound")
                .whereLayer("activity").mayOnlyAccessLayers("web", "account", "audit", "keys")
                .whereLayer("admin").mayOnlyAccessLayers("web", "account", "audit", "keys", "outbound", "relay", "activity")
                .check(MAIN);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.smtpkeys.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void everyMainClassBelongsToAFeature() {
        String[] packages = new String[FEATURES.length];
        for (int i = 0; i < FEATURES.length; i++) {
            packages[i] = "dev.smtpkeys." + FEATURES[i] + "..";
        }
        classes().should().resideInAnyPackage(packages).check(MAIN);
    }
}

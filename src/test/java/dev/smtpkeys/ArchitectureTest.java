package dev.smtpkeys;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The direction of the feature packages (README, "Layout"): {@code web ← account ← audit ← sending ← keys ←
 * outbound ← relay}, {@code keys ← activity}, and {@code admin} may use them all; the generic
 * {@code limits} imports none of them and every feature but {@code web} may use it; "a ← b" means b
 * may import a, never the reverse. A lower package that must hear from a higher one owns a small
 * interface or fires a CDI event. Each feature's texts (its message bundle) are its own, in Java and in
 * templates. Main classes only: tests and their fixtures may reach everywhere. Plain JUnit tests over
 * ArchUnit's rules, so they run with the rest of the suite.
 */
class ArchitectureTest {

    private static final String[] FEATURES = {"limits", "web", "account", "audit", "sending", "keys", "outbound", "relay", "activity", "admin"};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.smtpkeys");

    @Test
    void importsRunOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("limits").definedBy("dev.smtpkeys.limits..")
                .layer("web").definedBy("dev.smtpkeys.web..")
                .layer("account").definedBy("dev.smtpkeys.account..")
                .layer("audit").definedBy("dev.smtpkeys.audit..")
                .layer("sending").definedBy("dev.smtpkeys.sending..")
                .layer("keys").definedBy("dev.smtpkeys.keys..")
                .layer("outbound").definedBy("dev.smtpkeys.outbound..")
                .layer("relay").definedBy("dev.smtpkeys.relay..")
                .layer("activity").definedBy("dev.smtpkeys.activity..")
                .layer("admin").definedBy("dev.smtpkeys.admin..")
                .whereLayer("limits").mayNotAccessAnyLayer()
                .whereLayer("web").mayNotAccessAnyLayer()
                .whereLayer("account").mayOnlyAccessLayers("limits", "web")
                .whereLayer("audit").mayOnlyAccessLayers("limits", "web", "account")
                .whereLayer("sending").mayOnlyAccessLayers("limits", "web", "account", "audit")
                .whereLayer("keys").mayOnlyAccessLayers("limits", "web", "account", "audit", "sending")
                .whereLayer("outbound").mayOnlyAccessLayers("limits", "web", "account", "audit", "sending", "keys")
                .whereLayer("relay").mayOnlyAccessLayers("limits", "web", "account", "audit", "sending", "keys", "outbound")
                .whereLayer("activity").mayOnlyAccessLayers("limits", "web", "account", "audit", "sending", "keys")
                .whereLayer("admin").mayOnlyAccessLayers("limits", "web", "account", "audit", "sending", "keys", "outbound",
                        "relay", "activity")
                .check(MAIN);
    }

    /** Each feature's texts are its own: Java code reaches another feature's texts through that feature's classes. */
    @Test
    void noFeatureUsesAnotherFeaturesTexts() {
        for (String feature : FEATURES) {
            noClasses().that().resideInAPackage("dev.smtpkeys." + feature + "..")
                    .should().dependOnClassesThat(bundleOfAnotherFeatureThan(feature))
                    .because("a feature's texts are its own; web's shared words are everybody's")
                    .check(MAIN);
        }
    }

    /** {@code @MessageBundle("keys")} is {@code keys.KeysMessages}: a template's namespace names the feature. */
    @Test
    void everyBundleIsNamedAfterItsFeature() {
        List<String> wrong = new ArrayList<>();
        for (JavaClass bundle : MAIN.that(isBundle())) {
            String feature = feature(bundle);
            String expected = Character.toUpperCase(feature.charAt(0)) + feature.substring(1) + "Messages";
            String name = bundle.getAnnotationOfType(MessageBundle.class).value();
            if (!bundle.getSimpleName().equals(expected) || !name.equals(feature)) {
                wrong.add(bundle.getName() + " named \"" + name + "\"");
            }
        }
        assertTrue(wrong.isEmpty(), "bundles must be <feature>.<Feature>Messages named \"<feature>\": " + wrong);
    }

    /**
     * Templates keep to their feature's texts too: a page of feature X uses only {@code {X:…}} and
     * {@code {web:…}} (layout/ and error/ are web's), and a shared tag uses web's texts and at most one feature's.
     */
    @Test
    void templatesUseOnlyTheirFeaturesTexts() throws IOException, URISyntaxException {
        Set<String> bundles = new TreeSet<>();
        MAIN.that(isBundle()).forEach(bundle -> bundles.add(feature(bundle)));
        Path root = Path.of(getClass().getResource("/templates").toURI());
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String folder = root.relativize(file).getName(0).toString();
                Set<String> used = namespaces(Files.readString(file), bundles);
                used.remove("web");
                boolean ok = folder.equals("tags") ? used.size() <= 1
                        : used.isEmpty() || used.equals(Set.of(folder));
                if (!ok) {
                    problems.add(root.relativize(file) + " uses the texts of " + used);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.smtpkeys.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    private static final Pattern EXPRESSION = Pattern.compile("\\{(?!!)([^{}]*)}");
    private static final Pattern NAMESPACE = Pattern.compile("(?<![\\w.])([a-z]+):\\w");

    /** The message bundles a template's expressions name ({@code {keys:col_name}}, {@code label=keys:col_name}). */
    private static Set<String> namespaces(String template, Set<String> bundles) {
        Set<String> used = new TreeSet<>();
        Matcher expression = EXPRESSION.matcher(template.replaceAll("(?s)\\{!.*?!}", ""));
        while (expression.find()) {
            Matcher namespace = NAMESPACE.matcher(expression.group(1));
            while (namespace.find()) {
                if (bundles.contains(namespace.group(1))) {
                    used.add(namespace.group(1));
                }
            }
        }
        return used;
    }

    private static DescribedPredicate<JavaClass> isBundle() {
        return DescribedPredicate.describe("message bundles", c -> c.isAnnotatedWith(MessageBundle.class));
    }

    private static DescribedPredicate<JavaClass> bundleOfAnotherFeatureThan(String feature) {
        return DescribedPredicate.describe("message bundles of features other than " + feature + " and web",
                c -> isBundle().test(c) && !feature(c).equals(feature) && !feature(c).equals("web"));
    }

    /** The feature a class belongs to: the package right under {@code dev.smtpkeys}. */
    private static String feature(JavaClass c) {
        String rest = c.getPackageName().substring("dev.smtpkeys.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
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

package dev.smtpkeys.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The product's message bundles, found among the main classes rather than listed, so that a new
 * bundle is covered by the tests that use this the moment it exists.
 */
final class Bundles {

    /** Every {@code @MessageBundle} interface under {@code dev.smtpkeys}, by class name. */
    static final List<Class<?>> ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.smtpkeys").stream()
            .filter(c -> c.isAnnotatedWith(MessageBundle.class))
            .<Class<?>>map(c -> load(c.getName()))
            .sorted((a, b) -> a.getName().compareTo(b.getName()))
            .toList();

    private Bundles() {
    }

    /** The bundle's name: its template namespace and the start of its German file's name. */
    static String name(Class<?> bundle) {
        return bundle.getAnnotation(MessageBundle.class).value();
    }

    /** The bundle's texts, one method each, by name. */
    static List<Method> methods(Class<?> bundle) {
        return Arrays.stream(bundle.getDeclaredMethods()).sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
    }

    /** The English text: the method's {@code @Message} value; null where there is none. */
    static String english(Method method) {
        Message message = method.getAnnotation(Message.class);
        return message == null ? null : message.value();
    }

    /** The German texts, from {@code messages/<name>_de.properties}; null when the file is missing. */
    static Properties german(Class<?> bundle) throws IOException {
        try (InputStream in = Bundles.class.getResourceAsStream("/messages/" + name(bundle) + "_de.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Bundles.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

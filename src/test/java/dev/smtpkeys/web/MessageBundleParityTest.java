package dev.smtpkeys.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Fails when a bundle's English (its annotations) and German (its properties file) drift apart: a
 * method without a German text, a German text without a method, different placeholders, an empty text.
 */
class MessageBundleParityTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void everyFeatureHasABundle() {
        Set<String> names = new TreeSet<>();
        Bundles.ALL.forEach(bundle -> names.add(Bundles.name(bundle)));
        assertEquals(new TreeSet<>(List.of("web", "account", "keys", "activity", "admin", "outbound", "sending")), names);
    }

    @Test
    void everyTextIsWrittenInEnglishAndInGermanWithTheSamePlaceholders() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Class<?> bundle : Bundles.ALL) {
            Properties german = Bundles.german(bundle);
            if (german == null) {
                problems.add(bundle.getSimpleName() + ": no messages/" + Bundles.name(bundle) + "_de.properties");
                continue;
            }
            Set<String> methods = new TreeSet<>();
            for (Method method : Bundles.methods(bundle)) {
                String key = bundle.getSimpleName() + "." + method.getName();
                methods.add(method.getName());
                String en = Bundles.english(method);
                String de = german.getProperty(method.getName());
                if (en == null || en.isBlank()) {
                    problems.add(key + ": no English text in @Message");
                } else if (de == null || de.isBlank()) {
                    problems.add(key + ": no German text");
                } else if (!placeholders(en).equals(placeholders(de))) {
                    problems.add(key + ": placeholders " + placeholders(en) + " in English, "
                            + placeholders(de) + " in German");
                }
            }
            Set<String> orphans = new TreeSet<>(german.stringPropertyNames());
            orphans.removeAll(methods);
            if (!orphans.isEmpty()) {
                problems.add(bundle.getSimpleName() + ": German texts without a method: " + orphans);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyMessagesFileBelongsToABundle() throws IOException, URISyntaxException {
        Set<String> expected = new TreeSet<>();
        Bundles.ALL.forEach(bundle -> expected.add(Bundles.name(bundle) + "_de.properties"));
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(Path.of(getClass().getResource("/messages").toURI()))) {
            list.forEach(file -> files.add(file.getFileName().toString()));
        }
        assertEquals(expected, files, "a file in messages/ that no bundle reads, or a bundle without German");
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

package dev.smtpkeys.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Fails when the English and German texts drift apart in keys or placeholders. */
class MessageBundleParityTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleParityTest.class.getResourceAsStream("/messages/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishAndGermanHaveTheSameKeys() throws IOException {
        Set<String> en = new TreeSet<>(load("msg_en.properties").stringPropertyNames());
        Set<String> de = new TreeSet<>(load("msg_de.properties").stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(de);
        Set<String> onlyDe = new TreeSet<>(de);
        onlyDe.removeAll(en);
        assertTrue(onlyEn.isEmpty() && onlyDe.isEmpty(), "only in English: " + onlyEn + ", only in German: " + onlyDe);
    }

    @Test
    void everyBundleMethodHasATextAndEveryTextAMethod() throws IOException {
        Set<String> methods = Arrays.stream(AppMessages.class.getDeclaredMethods()).map(m -> m.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(methods, new TreeSet<>(load("msg_en.properties").stringPropertyNames()));
    }

    @Test
    void translationsUseTheSamePlaceholders() throws IOException {
        Properties en = load("msg_en.properties");
        Properties de = load("msg_de.properties");
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholders(en.getProperty(key)), placeholders(de.getProperty(key)), key);
            assertTrue(!de.getProperty(key).isBlank(), key + " is empty in German");
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

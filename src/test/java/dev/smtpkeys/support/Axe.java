package dev.smtpkeys.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core (4.x, from Deque's Maven artifact, so it is there offline once the build resolved it) run
 * in the page a browser shows. Selenium's script injection is not bound by the page's CSP.
 */
public final class Axe {

    private static final String SOURCE = load();

    // serious and critical only: those block or mislead users; minor ones are for a person to weigh
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                    + v.nodes.map(n => n.target.join(' ')).join(', '))),
              e => done(['axe failed: ' + e]));
            """;

    private Axe() {
    }

    /** The serious and critical violations on the page as shown now (open dialogs included), one line each. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(ChromeDriver driver) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(SOURCE);
        }
        Object found = driver.executeAsyncScript(RUN);
        return (List<String>) found;
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

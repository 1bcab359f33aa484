package dev.smtpkeys.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.smtpkeys.outbound.DeliveryDispatcher;
import dev.smtpkeys.outbound.OutboundConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * The relay's and the delivery's timers take their intervals from {@link RelayConfig} and
 * {@link OutboundConfig}, the one place with their defaults.
 */
class RelaySchedulesTest {

    private static final Pattern CONFIG_EXPRESSION = Pattern.compile("\\$\\{([a-z.-]+)}");

    @Test
    void everyIntervalIsARelaySettingWithoutADefaultOfItsOwn() throws NoSuchMethodException {
        Map<Method, String> expected = Map.of(
                DeliveryDispatcher.class.getDeclaredMethod("poll"), "smtpkeys.relay.delivery.poll-interval",
                KeyUsage.class.getDeclaredMethod("flush"), "smtpkeys.relay.last-used-flush-interval");
        expected.forEach((method, property) -> {
            String every = method.getAnnotation(Scheduled.class).every();
            Matcher m = CONFIG_EXPRESSION.matcher(every);
            assertTrue(m.matches(), method.getName() + ": " + every + " repeats a default or is not a setting");
            assertEquals(property, m.group(1));
        });
    }

    @Test
    void applicationPropertiesDoNotRepeatTheirDefaults() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RelaySchedulesTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        // a profile may change them (the tests poll faster); the default is the config mapping's alone
        for (String property : List.of("smtpkeys.relay.delivery.poll-interval", "smtpkeys.relay.last-used-flush-interval")) {
            assertFalse(properties.containsKey(property), property);
        }
    }
}

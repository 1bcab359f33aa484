package dev.smtpkeys.relay;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Relays of their own for tests that need other limits than the app's: the app's configuration with
 * some settings replaced, by method name ({@code "preAuthTimeout", Duration.ofMillis(300)}). Unless
 * replaced, a test relay listens on one free port (the listener {@code smtp}) and nowhere else.
 */
final class TestRelays {

    private TestRelays() {
    }

    static RelayConfig config(RelayConfig real, Object... settings) {
        Map<String, Object> replaced = new HashMap<>();
        replaced.put("port", 0);
        replaced.put("listeners", Map.of());
        for (int i = 0; i < settings.length; i += 2) {
            replaced.put((String) settings[i], settings[i + 1]);
        }
        return (RelayConfig) Proxy.newProxyInstance(RelayConfig.class.getClassLoader(), new Class<?>[] {RelayConfig.class},
                (proxy, method, args) -> replaced.containsKey(method.getName()) ? replaced.get(method.getName())
                        : method.invoke(real, args));
    }

    static RelayListeners start(RelayServer server, RelayConfig real, Object... settings) {
        return server.open(config(real, settings));
    }

    /** A listener on a free port. */
    static RelayConfig.Listener listener(RelayConfig.TlsMode tls, boolean proxyProtocol) {
        return new RelayConfig.Listener() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public OptionalInt port() {
                return OptionalInt.of(0);
            }

            @Override
            public RelayConfig.TlsMode tls() {
                return tls;
            }

            @Override
            public boolean proxyProtocol() {
                return proxyProtocol;
            }

            @Override
            public OptionalInt publicPort() {
                return OptionalInt.empty();
            }
        };
    }
}

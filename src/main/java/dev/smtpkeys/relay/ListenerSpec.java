package dev.smtpkeys.relay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One port the relay listens on, as configured under {@code smtpkeys.relay.listeners.<name>}. The
 * listener {@code smtp} always exists: STARTTLS on {@code smtpkeys.relay.port} (SMTP_PORT) unless its
 * own settings say otherwise, so configurations from before there were several ports keep working.
 */
record ListenerSpec(String name, int port, RelayConfig.TlsMode tls, boolean proxyProtocol, OptionalInt publicPort) {

    static final String PRIMARY = "smtp";

    /** The enabled listeners, {@code smtp} first, then by name. */
    static List<ListenerSpec> of(RelayConfig config) {
        Map<String, RelayConfig.Listener> configured = new HashMap<>(config.listeners());
        List<ListenerSpec> specs = new ArrayList<>();
        RelayConfig.Listener primary = configured.remove(PRIMARY);
        if (primary == null) {
            specs.add(new ListenerSpec(PRIMARY, config.port(), RelayConfig.TlsMode.STARTTLS, false, OptionalInt.empty()));
        } else if (primary.enabled()) {
            specs.add(spec(PRIMARY, primary, config.port()));
        }
        configured.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> e.getValue().enabled())
                .forEach(e -> specs.add(spec(e.getKey(), e.getValue(), -1)));
        if (specs.isEmpty()) {
            throw new IllegalStateException("the SMTP relay has no enabled listener: enable one, or set smtpkeys.relay.enabled=false");
        }
        if (specs.stream().anyMatch(ListenerSpec::proxyProtocol) && config.trustedProxies().orElse(List.of()).isEmpty()) {
            throw new IllegalStateException("an SMTP listener expects the PROXY protocol, but smtpkeys.relay.trusted-proxies "
                    + "names no balancer to accept it from");
        }
        return specs;
    }

    /** The order customers read ports in: by the port they are told to use. */
    static Comparator<ListenerSpec> byPublicPort() {
        return Comparator.comparingInt(spec -> spec.publicPort().orElse(spec.port()));
    }

    private static ListenerSpec spec(String name, RelayConfig.Listener listener, int fallbackPort) {
        int port = listener.port().orElse(fallbackPort);
        if (port < 0 || port > 65535) {
            throw new IllegalStateException("smtpkeys.relay.listeners." + name + ".port must be set to a port (0-65535)");
        }
        return new ListenerSpec(name, port, listener.tls(), listener.proxyProtocol(), listener.publicPort());
    }

    ListenerSpec withPort(int bound) {
        return new ListenerSpec(name, bound, tls, proxyProtocol, publicPort);
    }
}

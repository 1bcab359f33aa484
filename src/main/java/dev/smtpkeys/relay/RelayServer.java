package dev.smtpkeys.relay;

import java.util.List;

import org.jboss.logging.Logger;

import dev.smtpkeys.outbound.MessageQueue;
import dev.smtpkeys.sending.SendingQuota;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The app's SMTP relay ({@link RelayListeners}), started with the application and drained on its
 * shutdown. Quarkus first runs the shutdown delay ({@code quarkus.shutdown.delay}, when set: the relay
 * reports unready at its start, so balancers stop sending, and keeps serving), then the
 * {@link ShutdownEvent}: the relay stops listening, lets the messages being received finish for up to
 * {@code smtpkeys.relay.drain-timeout}, then closes every session.
 */
@ApplicationScoped
public class RelayServer {

    private static final Logger LOG = Logger.getLogger(RelayServer.class);

    private final RelayConfig config;
    private final RelayListeners.Services services;
    private volatile RelayListeners relay;

    RelayServer(RelayConfig config, KeyAuthenticator authenticator, MessageQueue queue, KeyUsage usage,
            RelayMetrics metrics, SendingQuota quota) {
        this.config = config;
        this.services = new RelayListeners.Services(authenticator, queue, usage, metrics, quota);
    }

    void start(@Observes StartupEvent start) {
        if (!config.enabled()) {
            LOG.info("SMTP relay disabled (smtpkeys.relay.enabled=false)");
            return;
        }
        relay = open(config);
        LOG.infof("SMTP relay ready (%s)", config.allowPlaintextAuth() ? "AUTH also without TLS" : "AUTH only with TLS");
    }

    /** A relay on {@code settings}, started; the app's own uses the configuration (tests start others). */
    RelayListeners open(RelayConfig settings) {
        return RelayListeners.start(settings, services);
    }

    void shutdownDelayStarted(@Observes ShutdownDelayInitiatedEvent event) {
        RelayListeners running = relay;
        if (running != null) {
            running.unready();
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        RelayListeners running = relay;
        if (running == null) {
            return;
        }
        try {
            int cut = running.shutdown(config.drainTimeout());
            if (cut > 0) {
                LOG.warnf("SMTP relay stopped with %d message(s) still being received (drain timeout %s)", cut,
                        config.drainTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.close();
        }
    }

    /** The port of the listener {@code smtp} (the free one picked when configured as 0); -1 when not running. */
    public int boundPort() {
        RelayListeners running = relay;
        return running == null ? -1 : running.port(ListenerSpec.PRIMARY);
    }

    /** The listeners with the ports they really listen on; empty when not running. */
    List<ListenerSpec> listeners() {
        RelayListeners running = relay;
        return running == null ? List.of() : running.listeners();
    }

    /** Whether the relay listens and wants connections (the readiness check). */
    boolean isReady() {
        RelayListeners running = relay;
        return running != null && running.isReady();
    }
}

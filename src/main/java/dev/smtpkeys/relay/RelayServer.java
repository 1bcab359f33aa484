package dev.smtpkeys.relay;

import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.jboss.logging.Logger;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

import dev.smtpkeys.keys.VerifiedKey;
import dev.smtpkeys.outbound.MessageQueue;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The SubEthaSMTP server, started and stopped with the application. AUTH is required before MAIL;
 * AUTH, EHLO and BDAT are this package's own verbs (see {@link KeyAuthCommand}); every message goes
 * through a {@link RelayMessageHandler} into the {@link MessageQueue}.
 */
@ApplicationScoped
public class RelayServer {

    private static final Logger LOG = Logger.getLogger(RelayServer.class);

    private final RelayConfig config;
    private final KeyAuthenticator authenticator;
    private final MessageQueue queue;
    private final KeyUsage usage;
    private final RelayMetrics metrics;
    private SMTPServer server;
    private volatile int boundPort = -1;

    RelayServer(RelayConfig config, KeyAuthenticator authenticator, MessageQueue queue, KeyUsage usage,
            RelayMetrics metrics) {
        this.config = config;
        this.authenticator = authenticator;
        this.queue = queue;
        this.usage = usage;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent start) {
        if (!config.enabled()) {
            LOG.info("SMTP relay disabled (smtpkeys.relay.enabled=false)");
            return;
        }
        server = newServer(config);
        server.start();
        boundPort = server.getPortAllocated();
        LOG.infof("SMTP relay listening on port %d (STARTTLS%s)", boundPort,
                config.allowPlaintextAuth() ? ", AUTH also without TLS" : ", AUTH only after STARTTLS");
    }

    /** A relay server on {@code settings}, not started; the app's own uses the configuration. */
    SMTPServer newServer(RelayConfig settings) {
        String hostname = hostname(settings);
        SSLContext tls = RelayTls.context(settings.tls(), hostname);
        // built once per server: a mail transaction needs nothing else from here
        RelayMessageHandler.Intake intake = new RelayMessageHandler.Intake(settings.maxRecipients(),
                settings.maxMessageSize(), hostname, queue, usage, metrics);
        SMTPServer smtp = SMTPServer.port(settings.port())
                .hostName(hostname)
                .softwareName("smtp-keys")
                .messageHandlerFactory(context -> new RelayMessageHandler(intake, (Session) context,
                        (VerifiedKey) context.getAuthenticationHandler().orElseThrow().getIdentity()))
                // SubEthaSMTP requires a factory with requireAuth; the AUTH verb itself is KeyAuthCommand
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    throw new LoginFailedException();
                }))
                .requireAuth(true)
                .enableTLS(true)
                .startTlsSocketFactory(RelayTls.socketCreator(tls))
                // our own Received header: SubEthaSMTP's asks reverse DNS for every message
                .insertReceivedHeaders(false)
                .maxMessageSize(settings.maxMessageSize())
                // the recipient limit is RelayMessageHandler's, with 452 4.5.3
                .maxRecipients(-1)
                .maxConnections(settings.maxConnections())
                .connectionTimeout((int) settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .sessionHandler(new ThrottledIps())
                .serverThreadName("smtp-relay")
                .build();
        // internal API of SubEthaSMTP 7.2.2, checked by the relay's protocol tests on every upgrade
        smtp.getCommandHandler().addCommand(new KeyAuthCommand(authenticator, settings.allowPlaintextAuth()));
        smtp.getCommandHandler().addCommand(new RelayEhloCommand(settings.allowPlaintextAuth()));
        smtp.getCommandHandler().addCommand(new NoChunkingCommand());
        return smtp;
    }

    void stop(@Observes ShutdownEvent stop) {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The port the relay listens on (the free one picked when configured as 0); -1 when not running. */
    public int boundPort() {
        return boundPort;
    }

    private static String hostname(RelayConfig settings) {
        return settings.hostname().or(settings::publicHost).orElse("localhost");
    }

    /** Turns a throttled IP away at the greeting. */
    private final class ThrottledIps implements SessionHandler {

        @Override
        public SessionAcceptance accept(Session session) {
            if (authenticator.isBlocked(KeyAuthCommand.ip(session))) {
                return SessionAcceptance.failure(421, "4.7.0 Too many failed authentications from your address, try again later");
            }
            return SessionAcceptance.success();
        }

        @Override
        public void onSessionEnd(Session session) {
        }
    }
}

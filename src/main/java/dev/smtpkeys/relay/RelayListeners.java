package dev.smtpkeys.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;

import org.jboss.logging.Logger;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.internal.proxy.ProxyHandler;
import org.subethamail.smtp.internal.server.CommandHandler;
import org.subethamail.smtp.server.SSLSocketCreator;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

import dev.smtpkeys.keys.VerifiedKey;
import dev.smtpkeys.outbound.MessageQueue;
import dev.smtpkeys.sending.SendingQuota;

/**
 * One running relay: a SubEthaSMTP server per configured port ({@link ListenerSpec}), all sharing one
 * {@link RelayAdmission}, one {@link InflightBudget} and one {@link RelayDrain}, and its orderly end:
 * stop listening, let the messages being received finish, then close every session.
 */
final class RelayListeners implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RelayListeners.class);
    private static final int BACKLOG = 1024;

    /** The parts every listener of a relay shares. */
    record Services(KeyAuthenticator authenticator, MessageQueue queue, KeyUsage usage, RelayMetrics metrics,
            SendingQuota quota) {
    }

    private record Running(ListenerSpec spec, SMTPServer server, AtomicReference<DrainableServerSocket> socket) {
    }

    private final RelayDrain drain = new RelayDrain();
    private final RelayAdmission admission;
    private final List<Running> running = new ArrayList<>();
    private volatile boolean ready;

    private RelayListeners(RelayConfig config, Services services) {
        this.admission = new RelayAdmission(config, services.authenticator(), drain, services.metrics());
    }

    /** Builds and starts every enabled listener of {@code config}. */
    static RelayListeners start(RelayConfig config, Services services) {
        RelayListeners relay = new RelayListeners(config, services);
        try {
            relay.open(config, services);
        } catch (RuntimeException e) {
            relay.close();
            throw e;
        }
        relay.ready = true;
        return relay;
    }

    private void open(RelayConfig config, Services services) {
        String hostname = config.hostname().or(config::publicHost).orElse("localhost");
        SSLSocketCreator tls = RelayTls.socketCreator(RelayTls.context(config.tls(), hostname));
        RelayMessageHandler.Intake intake = new RelayMessageHandler.Intake(config.maxRecipients(), config.maxMessageSize(),
                hostname, services.queue(), services.usage(), services.metrics(),
                new InflightBudget(config.maxInflightBytes().asLongValue()), spoolDir(config), services.quota());
        ProxyTrust trust = new ProxyTrust(config.trustedProxies().orElse(List.of()));
        if (intake.budget().totalBytes() < config.maxMessageSize()) {
            LOG.warnf("smtpkeys.relay.max-inflight-bytes (%d) is below max-message-size (%d): the largest messages "
                    + "will always be refused with 452", intake.budget().totalBytes(), config.maxMessageSize());
        }
        for (ListenerSpec spec : ListenerSpec.of(config)) {
            AtomicReference<DrainableServerSocket> socket = new AtomicReference<>();
            SMTPServer server = server(spec, config, hostname, tls, intake, trust, socket);
            addCommands(server.getCommandHandler(), config, services.authenticator(), intake.budget());
            server.start();
            running.add(new Running(spec.withPort(server.getPortAllocated()), server, socket));
            LOG.infof("SMTP relay listening on port %d (%s: %s%s)", server.getPortAllocated(), spec.name(),
                    spec.tls() == RelayConfig.TlsMode.IMPLICIT ? "implicit TLS" : "STARTTLS",
                    spec.proxyProtocol() ? ", PROXY protocol" : "");
        }
    }

    private SMTPServer server(ListenerSpec spec, RelayConfig config, String hostname, SSLSocketCreator tls,
            RelayMessageHandler.Intake intake, ProxyTrust trust, AtomicReference<DrainableServerSocket> socket) {
        return SMTPServer.port(spec.port())
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
                .startTlsSocketFactory(tls)
                // our own Received header: SubEthaSMTP's asks reverse DNS for every message
                .insertReceivedHeaders(false)
                .maxMessageSize(config.maxMessageSize())
                // the recipient limit is RelayMessageHandler's, with 452 4.5.3
                .maxRecipients(-1)
                // the caps that count are RelayAdmission's, across all listeners; this one never bites first
                .maxConnections(config.maxConnections())
                // re-applied by SubEthaSMTP after STARTTLS; RelayAdmission lengthens it after AUTH
                .connectionTimeout((int) config.preAuthTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .sessionHandler(admission.forListener(spec.proxyProtocol(),
                        spec.tls() == RelayConfig.TlsMode.IMPLICIT ? tls : null))
                .proxyHandler(spec.proxyProtocol() ? new ProxyHeaderHandler(trust) : ProxyHandler.NOP)
                .serverSocketFactory(() -> {
                    DrainableServerSocket created = new DrainableServerSocket();
                    socket.set(created);
                    return created;
                })
                // a flood that is being refused must not fill the accept queue (SubEthaSMTP's default is 50)
                .backlog(BACKLOG)
                .serverThreadName("smtp-relay-" + spec.name())
                .build();
    }

    // internal API of SubEthaSMTP 7.2.2, checked by the relay's protocol tests on every upgrade
    private void addCommands(CommandHandler commands, RelayConfig config, KeyAuthenticator authenticator,
            InflightBudget budget) {
        commands.addCommand(new KeyAuthCommand(authenticator, config.allowPlaintextAuth(), admission));
        commands.addCommand(new RelayEhloCommand(config.allowPlaintextAuth(), config.smtputf8()));
        commands.addCommand(new NoChunkingCommand());
        commands.addCommand(new RelayMailCommand(commands.getCommand("MAIL"), config.smtputf8(), budget, drain));
        for (String verb : new ArrayList<>(commands.getVerbs())) {
            commands.addCommand(new BudgetedCommand(commands.getCommand(verb), admission));
        }
    }

    private static Path spoolDir(RelayConfig config) {
        Path dir = Path.of(config.spoolDir().orElse(System.getProperty("java.io.tmpdir")));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the relay's spool directory " + dir, e);
        }
    }

    /** The listeners with the ports they really listen on. */
    List<ListenerSpec> listeners() {
        return running.stream().map(Running::spec).toList();
    }

    /** The port of listener {@code name}, or -1. */
    int port(String name) {
        return running.stream().filter(r -> r.spec().name().equals(name)).mapToInt(r -> r.spec().port()).findFirst().orElse(-1);
    }

    /** Whether the relay takes new connections and wants to be sent them. */
    boolean isReady() {
        return ready;
    }

    /** Reports unready from now on (balancers stop sending connections), while still serving. */
    void unready() {
        ready = false;
    }

    /**
     * The orderly end: unready, start no new transaction, stop listening, wait up to {@code timeout} for
     * the transactions in progress, then close every session. Answers how many transactions were cut off.
     */
    int shutdown(Duration timeout) throws InterruptedException {
        ready = false;
        drain.begin();
        for (Running r : running) {
            DrainableServerSocket socket = r.socket().get();
            try {
                if (socket != null) {
                    socket.drain();
                }
            } catch (IOException e) {
                LOG.debugf("closing the listening socket of %s: %s", r.spec().name(), e.getMessage());
            }
        }
        int cut = drain.awaitIdle(timeout);
        close();
        return cut;
    }

    /** Stops at once: every session is closed, whatever it is doing. */
    @Override
    public void close() {
        ready = false;
        for (Running r : running) {
            r.server().stop();
        }
        running.clear();
        admission.close();
    }

    /** For tests: sessions now, all and unauthenticated. */
    int[] sessionCounts() {
        return admission.counts();
    }
}

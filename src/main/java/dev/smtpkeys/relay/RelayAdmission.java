package dev.smtpkeys.relay;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.server.SSLSocketCreator;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;
import org.subethamail.smtp.server.SessionHandler.SessionAcceptance;

import dev.smtpkeys.limits.ClientNetwork;

/**
 * Who may hold a session, in the spirit of Postfix's anvil: per client (an IPv4 address or an IPv6 /64)
 * a cap on concurrent sessions and a connection rate; over all listeners a cap on sessions and a lower
 * one on sessions not yet authenticated, so authenticated senders always keep room. Before AUTH a
 * session gets a short read timeout, a small command budget and a wall-clock deadline (a NOOP every few
 * seconds would otherwise keep it forever); after AUTH the longer idle timeout. Refusals are
 * {@code 421} and close, after the PROXY header (so the real client counts) and before the greeting.
 */
final class RelayAdmission implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RelayAdmission.class);

    /** What the admission knows of one running session. */
    private static final class Ticket {
        final String client;
        final AtomicInteger commands = new AtomicInteger();
        volatile boolean authenticated;
        volatile ScheduledFuture<?> deadline;

        Ticket(String client) {
            this.client = client;
        }
    }

    private final RelayConfig config;
    private final KeyAuthenticator authenticator;
    private final RelayDrain drain;
    private final RelayMetrics metrics;
    private final ConnectionRate rate;
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "smtp-relay-deadlines");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Session, Ticket> tickets = new ConcurrentHashMap<>();
    private final Map<String, Integer> perClient = new HashMap<>();
    private int sessions;
    private int unauthenticated;

    RelayAdmission(RelayConfig config, KeyAuthenticator authenticator, RelayDrain drain, RelayMetrics metrics) {
        this.config = config;
        this.authenticator = authenticator;
        this.drain = drain;
        this.metrics = metrics;
        this.rate = new ConnectionRate(config.connectionRatePerClient());
        timers.setRemoveOnCancelPolicy(true);
    }

    /** The session handler of one listener; {@code implicitTls} wraps each admitted socket in TLS (null: STARTTLS). */
    SessionHandler forListener(boolean proxyProtocol, SSLSocketCreator implicitTls) {
        return new SessionHandler() {
            @Override
            public SessionAcceptance accept(Session session) {
                return admit(session, proxyProtocol, implicitTls);
            }

            @Override
            public void onSessionEnd(Session session) {
                end(session);
            }
        };
    }

    private SessionAcceptance admit(Session session, boolean proxyProtocol, SSLSocketCreator implicitTls) {
        InetAddress address = session.getRemoteAddress().getAddress();
        String client = ClientNetwork.of(address);
        // a balancer's own connection (its health check sends no client address) is not a client
        boolean balancer = proxyProtocol && session.getRemoteAddress().equals(session.getRealRemoteAddress());
        SessionAcceptance refusal = takePlace(address, client, balancer);
        if (refusal != null) {
            return refusal;
        }
        Ticket ticket = new Ticket(client);
        tickets.put(session, ticket);
        ticket.deadline = timers.schedule(() -> expire(session, ticket), config.preAuthDeadline().toMillis(), TimeUnit.MILLISECONDS);
        if (implicitTls != null && !startTls(session, implicitTls)) {
            end(session);
            return SessionAcceptance.failure(421, "4.7.0 TLS handshake failed");
        }
        metrics.connection("accepted", "ok");
        return SessionAcceptance.success();
    }

    /** Counts the new session in, or answers why not (then nothing was counted). */
    private SessionAcceptance takePlace(InetAddress address, String client, boolean balancer) {
        if (drain.isDraining()) {
            return refuse("draining", 421, "4.3.2 Service shutting down, try again later");
        }
        if (!balancer && authenticator.isKnownBlocked(address.getHostAddress())) {
            return refuse("auth-throttled", 421, "4.7.0 Too many failed authentications from your address, try again later");
        }
        if (!balancer && !rate.tryAcquire(client)) {
            return refuse("rate", 421, "4.7.0 Too many connections from your address, slow down");
        }
        // the shared counters, read only for a client within its connection rate (one primary-key read)
        if (!balancer && authenticator.isBlocked(address.getHostAddress())) {
            return refuse("auth-throttled", 421, "4.7.0 Too many failed authentications from your address, try again later");
        }
        synchronized (this) {
            if (!balancer && perClient.getOrDefault(client, 0) >= config.maxConnectionsPerClient()) {
                return refuse("per-client", 421, "4.7.0 Too many connections from your address, try again later");
            }
            if (sessions >= config.maxConnections() || unauthenticated >= config.maxUnauthenticated()) {
                return refuse("busy", 421, "4.3.2 All server ports are busy, try again later");
            }
            perClient.merge(client, 1, Integer::sum);
            sessions++;
            unauthenticated++;
        }
        return null;
    }

    /** The socket is TLS from the first byte: the handshake runs here, after admission, before the greeting. */
    private static boolean startTls(Session session, SSLSocketCreator tls) {
        try {
            var socket = tls.createSSLSocket(session.getSocket());
            socket.startHandshake();
            session.setSocket(socket);
            session.setTlsStarted(true);
            return true;
        } catch (IOException e) {
            LOG.debugf("implicit TLS handshake with %s failed: %s", session.getRemoteAddress(), e.getMessage());
            // quitting first keeps SubEthaSMTP from logging a stack trace for every port scanner
            session.quit();
            return false;
        }
    }

    /** After AUTH: the session leaves the unauthenticated count, its deadline ends and it may idle longer. */
    void authenticated(Session session) {
        Ticket ticket = tickets.get(session);
        if (ticket == null || ticket.authenticated) {
            return;
        }
        synchronized (this) {
            ticket.authenticated = true;
            unauthenticated--;
        }
        ticket.deadline.cancel(false);
        rate.giveBack(ticket.client);
        try {
            session.getSocket().setSoTimeout((int) config.idleTimeout().toMillis());
        } catch (SocketException e) {
            LOG.debugf("cannot lengthen the timeout of %s: %s", session.getRemoteAddress(), e.getMessage());
        }
    }

    /** Counts one command before AUTH; the one over the budget ends the session. */
    void countCommand(Session session) throws DropConnectionException {
        Ticket ticket = tickets.get(session);
        if (ticket != null && !ticket.authenticated && ticket.commands.incrementAndGet() > config.preAuthCommands()) {
            metrics.connection("closed", "pre-auth-commands");
            throw new DropConnectionException(421, "4.7.0 Too many commands before AUTH");
        }
    }

    private void expire(Session session, Ticket ticket) {
        if (ticket.authenticated || tickets.get(session) != ticket) {
            return;
        }
        metrics.connection("closed", "pre-auth-deadline");
        try {
            session.sendResponse("421 4.4.2 " + session.getServer().getHostName() + " Error: timeout exceeded");
        } catch (IOException | RuntimeException e) {
            // the client is gone already
        }
        session.quit();
    }

    private void end(Session session) {
        Ticket ticket = tickets.remove(session);
        if (ticket == null) {
            return;
        }
        ticket.deadline.cancel(false);
        synchronized (this) {
            sessions--;
            if (!ticket.authenticated) {
                unauthenticated--;
            }
            perClient.computeIfPresent(ticket.client, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    private SessionAcceptance refuse(String reason, int code, String text) {
        metrics.connection("refused", reason);
        return SessionAcceptance.failure(code, text);
    }

    /** Sessions now: all, and those not yet authenticated (for tests). */
    synchronized int[] counts() {
        return new int[] {sessions, unauthenticated};
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}

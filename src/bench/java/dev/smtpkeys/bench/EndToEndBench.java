package dev.smtpkeys.bench;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

import dev.smtpkeys.support.SmtpTestClient;

/**
 * RelayBench mode {@code endtoend}: the {@code throughput} load ({@code --clients} sessions of
 * {@code --messages} messages each) while this process also plays the smarthost: a SubEthaSMTP sink on
 * {@code --sink-port} that takes every message and throws it away. Start the app with
 * {@code SMTP_UPSTREAM_HOST=127.0.0.1 SMTP_UPSTREAM_PORT=<sink port> SMTP_UPSTREAM_TLS=NONE}. Prints
 * the intake rate (accepted messages per second while the clients send) and the drain rate (accepted
 * messages per second from the first MAIL to the moment the last of them is SENT: with {@code --db},
 * as the queue records it, else as the sink received it). This run's messages go to a recipient of their
 * own, so messages left in the queue from earlier runs are not counted (but are drained alongside).
 */
final class EndToEndBench {

    private final RelayBench bench;

    EndToEndBench(RelayBench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        int clients = bench.intArg("clients", 8);
        int messages = bench.intArg("messages", 1000);
        String recipient = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        AtomicLong received = new AtomicLong();
        AtomicLong others = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        SMTPServer sink = SMTPServer.port(bench.intArg("sink-port", 18425)).maxConnections(200)
                .simpleMessageListener(new Sink(recipient, received, others, lastArrival)).build();
        sink.start();
        try {
            String body = RelayBench.message();
            List<String[]> credentials = bench.credentials();
            AtomicLong accepted = new AtomicLong();
            long start = System.nanoTime();
            RelayBench.inParallel(clients, c -> send(credentials.get(c % credentials.size()), recipient, body, messages, accepted));
            double intakeSeconds = (System.nanoTime() - start) / 1e9;
            long sentAt = bench.has("db") ? waitUntilSent(recipient, accepted.get()) : waitUntilReceived(received, accepted.get(), lastArrival);
            double drainSeconds = (sentAt - start) / 1e9;
            double intake = accepted.get() / intakeSeconds;
            double drain = accepted.get() / drainSeconds;
            System.out.printf("endtoend: %d clients x %d messages, TLS %s%n", clients, messages, bench.tls());
            System.out.printf("  intake %d accepted in %.2f s = %.0f msgs/s%n", accepted.get(), intakeSeconds, intake);
            System.out.printf("  drain  %d SENT (%s) %.2f s after the first MAIL = %.0f msgs/s; drain/intake = %.2f%n",
                    accepted.get(), bench.has("db") ? "queue" : "sink", drainSeconds, drain, drain / intake);
            System.out.printf("  sink received %d of this run, %d others (earlier runs' queue)%n", received.get(), others.get());
        } finally {
            sink.stop();
        }
    }

    private void send(String[] credential, String recipient, String body, int messages, AtomicLong accepted) {
        try (SmtpTestClient client = bench.session()) {
            if (!client.authPlain(credential[0], credential[1]).is(235)) {
                throw new IllegalStateException("AUTH refused");
            }
            for (int m = 0; m < messages; m++) {
                if (client.send("bench@example.org", List.of(recipient), body).is(250)) {
                    accepted.incrementAndGet();
                }
            }
            client.quit();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The moment the sink had all {@code expected} messages; gives up after ten minutes. */
    private static long waitUntilReceived(AtomicLong received, long expected, AtomicLong lastArrival) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (received.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return lastArrival.get();
    }

    /** The moment the queue had all {@code expected} of this run's messages SENT, polled every 20 ms. */
    private long waitUntilSent(String recipient, long expected) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        try (Connection db = DriverManager.getConnection(bench.arg("db", ""), bench.arg("db-user", "postgres"),
                bench.arg("db-password", ""));
                PreparedStatement count = db.prepareStatement(
                        "select count(*) from outbound_message where status = 'SENT' and recipients[1] = ?")) {
            count.setString(1, recipient);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getLong(1) >= expected) {
                        return System.nanoTime();
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("not all SENT after ten minutes");
    }

    /** Takes every message, keeps nothing, counts this run's. */
    private record Sink(String recipient, AtomicLong received, AtomicLong others, AtomicLong lastArrival)
            implements SimpleMessageListener {

        @Override
        public boolean accept(String from, String to) {
            return true;
        }

        @Override
        public void deliver(String from, String to, InputStream data) throws IOException {
            data.transferTo(java.io.OutputStream.nullOutputStream());
            if (to.toLowerCase(Locale.ROOT).equals(recipient)) {
                lastArrival.set(System.nanoTime());
                received.incrementAndGet();
            } else {
                others.incrementAndGet();
            }
        }
    }
}

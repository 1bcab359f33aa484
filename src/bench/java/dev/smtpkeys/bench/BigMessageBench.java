package dev.smtpkeys.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.smtpkeys.support.SmtpTestClient;

/**
 * RelayBench mode {@code bigmessage}: {@code --clients} sessions (each from its own loopback address, as
 * that many senders would be) authenticate, wait for each other, then all send one message of
 * {@code --size} bytes at the same moment. A temporary refusal (4xx) is retried in the same session up
 * to {@code --retries} times, one second apart, as a sending MTA would. Prints the replies, then counts
 * this run's rows in the queue ({@code --db}) and checks the relay still greets.
 */
final class BigMessageBench {

    private final RelayBench bench;

    BigMessageBench(RelayBench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        int clients = bench.intArg("clients", 100);
        int size = bench.intArg("size", 9_000_000);
        int retries = bench.intArg("retries", 0);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String subject = "bigmessage " + run;
        byte[] body = body(subject, size);
        List<String[]> credentials = bench.credentials();
        CyclicBarrier together = new CyclicBarrier(clients);
        Map<String, AtomicLong> replies = new ConcurrentHashMap<>();
        AtomicLong accepted = new AtomicLong();
        int net = java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 250);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            String[] credential = credentials.get(c % credentials.size());
            String source = "127.3." + net + "." + (c % 250 + 1);
            threads.add(RelayBench.start(() -> {
                String outcome = "no session";
                try (SmtpTestClient client = bench.session(source)) {
                    // RFC 5321 4.5.3.2.6: a client waits 10 minutes for the answer to the end of DATA
                    client.timeout(java.time.Duration.ofMinutes(10));
                    SmtpTestClient.Reply auth = client.authPlain(credential[0], credential[1]);
                    together.await(5, TimeUnit.MINUTES);
                    outcome = "AUTH " + auth.code();
                    if (auth.is(235)) {
                        for (int attempt = 0; attempt <= retries; attempt++) {
                            SmtpTestClient.Reply reply = send(client, body);
                            count(replies, reply.code() + " " + first(reply.text()));
                            outcome = null;
                            if (reply.is(250)) {
                                accepted.incrementAndGet();
                            }
                            if (reply.code() / 100 != 4 || reply.is(421)) {
                                break;
                            }
                            Thread.sleep(1000);
                        }
                    }
                } catch (Exception e) {
                    outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                if (outcome != null) {
                    count(replies, outcome);
                }
            }));
        }
        for (Thread t : threads) {
            t.join(TimeUnit.MINUTES.toMillis(15));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("bigmessage: %d clients x 1 message of %,d bytes at once, TLS %s, retries %d, %.1f s%n",
                clients, body.length, bench.tls(), retries, seconds);
        new TreeMap<>(replies).forEach((reply, n) -> System.out.printf("  %5d x %s%n", n.get(), reply));
        System.out.printf("  250 answers: %d; rows stored for this run: %s; relay greets afterwards: %s%n",
                accepted.get(), rows(subject), greets());
    }

    private static SmtpTestClient.Reply send(SmtpTestClient client, byte[] body) throws IOException {
        SmtpTestClient.Reply reply = client.command("MAIL FROM:<bench@example.org>");
        if (!reply.is(250)) {
            return reply;
        }
        reply = client.command("RCPT TO:<sink@example.net>");
        if (!reply.is(250)) {
            return reply;
        }
        reply = client.command("DATA");
        if (!reply.is(354)) {
            return reply;
        }
        client.write(body);
        return client.read();
    }

    /** Header, then 76-character lines up to {@code size} bytes, then the end-of-data line; nothing to dot-stuff. */
    private static byte[] body(String subject, int size) {
        String head = "From: Bench <bench@example.org>\r\nTo: sink@example.net\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=US-ASCII\r\n\r\n";
        byte[] line = ("x".repeat(76) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] start = head.getBytes(StandardCharsets.US_ASCII);
        byte[] end = ".\r\n".getBytes(StandardCharsets.US_ASCII);
        int lines = Math.max(0, (size - start.length) / line.length);
        byte[] body = new byte[start.length + lines * line.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        for (int i = 0; i < lines; i++) {
            System.arraycopy(line, 0, body, start.length + i * line.length, line.length);
        }
        System.arraycopy(end, 0, body, body.length - end.length, end.length);
        return body;
    }

    private String rows(String subject) {
        if (!bench.has("db")) {
            return "? (pass --db to count)";
        }
        try (Connection db = DriverManager.getConnection(bench.arg("db", null), bench.arg("db-user", "postgres"),
                bench.arg("db-password", ""));
                PreparedStatement count = db.prepareStatement("select count(*) from outbound_message where subject = ?")) {
            count.setString(1, subject);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return String.valueOf(row.getLong(1));
            }
        } catch (SQLException e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    private String greets() {
        try (SmtpTestClient client = SmtpTestClient.connect(bench.port(), null)) {
            return String.valueOf(client.read());
        } catch (IOException e) {
            return "no (" + e.getMessage() + ")";
        }
    }

    private static void count(Map<String, AtomicLong> replies, String what) {
        replies.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private static String first(String text) {
        int cut = text.indexOf(':');
        return cut > 0 && text.startsWith("2.0.0") ? text.substring(0, cut) : text;
    }
}

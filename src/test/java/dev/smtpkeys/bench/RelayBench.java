package dev.smtpkeys.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.smtpkeys.keys.KeySecret;
import dev.smtpkeys.support.SmtpTestClient;

/**
 * Load generator for a running relay (not a test). Modes:
 * <ul>
 * <li>{@code seed}: writes {@code --keys} keys (100 per account) straight into the database and their
 * secrets to {@code target/bench-keys.txt}, as the other modes' credentials;</li>
 * <li>{@code throughput}: {@code --clients} concurrent sessions, each EHLO, STARTTLS (with {@code --tls}),
 * AUTH and {@code --messages} messages of about 2 KB, QUIT; prints accepted messages per second and
 * p50/p99 of AUTH and of each message (MAIL FROM to the 250 after DATA);</li>
 * <li>{@code auth}: {@code --clients} threads doing {@code --sessions} sessions of EHLO, AUTH with a random
 * seeded key, QUIT; prints AUTH p50/p99;</li>
 * <li>{@code flood}: one source IP sends wrong keys as fast as it can for {@code --seconds} while
 * {@code --clients} good clients keep authenticating; prints how many wrong tries the relay evaluated
 * per second and the good clients' AUTH latency;</li>
 * <li>{@code bigmessage}: many clients send one big message each at the same moment ({@link BigMessageBench});</li>
 * <li>{@code connflood}: one address holds hundreds of idle connections while good clients send
 * ({@link ConnectionFloodBench}).</li>
 * </ul>
 * See docs/benchmarks.md for the commands.
 */
public final class RelayBench {

    private static final Path KEYS_FILE = Path.of("target/bench-keys.txt");

    private final Map<String, String> args;

    private RelayBench(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        RelayBench bench = new RelayBench(args);
        switch (args.getOrDefault("mode", "throughput")) {
            case "seed" -> bench.seed();
            case "throughput" -> bench.throughput();
            case "auth" -> bench.auth();
            case "flood" -> bench.flood();
            case "bigmessage" -> new BigMessageBench(bench).run();
            case "connflood" -> new ConnectionFloodBench(bench).run();
            default -> throw new IllegalArgumentException("mode: seed | throughput | auth | flood | bigmessage | connflood");
        }
    }

    int port() {
        return Integer.parseInt(args.getOrDefault("port", "2525"));
    }

    int intArg(String name, int fallback) {
        return Integer.parseInt(args.getOrDefault(name, String.valueOf(fallback)));
    }

    String arg(String name, String fallback) {
        return args.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return args.containsKey(name);
    }

    boolean tls() {
        return Boolean.parseBoolean(args.getOrDefault("tls", "true"));
    }

    // --- seed -------------------------------------------------------------------------------------

    private void seed() throws SQLException, IOException {
        String url = args.getOrDefault("db", "jdbc:postgresql://localhost:5432/postgres?currentSchema=smtpkeys");
        int keys = intArg("keys", 100_000);
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, args.getOrDefault("db-user", "postgres"),
                args.getOrDefault("db-password", ""))) {
            db.setAutoCommit(false);
            String run = UUID.randomUUID().toString().substring(0, 8);
            try (PreparedStatement account = db.prepareStatement(
                    "insert into account (name, smtp_login) values (?, ?) returning id");
                    PreparedStatement key = db.prepareStatement("insert into smtp_key (account_id, name, token_hash, suffix, "
                            + "master, status) values (?, ?, ?, ?, false, 'ACTIVE')")) {
                long accountId = 0;
                String login = null;
                for (int i = 0; i < keys; i++) {
                    if (i % 100 == 0) {
                        login = "bench-" + run + "-" + (i / 100) + "@bench.example";
                        account.setString(1, "Bench " + run + " " + (i / 100));
                        account.setString(2, login);
                        try (ResultSet row = account.executeQuery()) {
                            row.next();
                            accountId = row.getLong(1);
                        }
                    }
                    String secret = KeySecret.generate();
                    key.setLong(1, accountId);
                    key.setString(2, "bench " + i);
                    key.setBytes(3, KeySecret.hash(secret));
                    key.setString(4, KeySecret.suffix(secret));
                    key.addBatch();
                    lines.add(login + " " + secret);
                    if (i % 1000 == 999) {
                        key.executeBatch();
                        db.commit();
                    }
                }
                key.executeBatch();
                db.commit();
            }
            try (PreparedStatement analyze = db.prepareStatement("analyze smtp_key")) {
                analyze.execute();
                db.commit();
            }
        }
        Files.createDirectories(KEYS_FILE.getParent());
        Files.write(KEYS_FILE, lines, StandardCharsets.US_ASCII);
        System.out.printf("seeded %d keys in %.1f s; credentials in %s (bench data: do not use outside a test database)%n",
                keys, (System.nanoTime() - start) / 1e9, KEYS_FILE);
    }

    List<String[]> credentials() throws IOException {
        if (args.containsKey("login") && args.containsKey("key")) {
            return List.<String[]>of(new String[] {args.get("login"), args.get("key")});
        }
        if (!Files.exists(KEYS_FILE)) {
            throw new IllegalStateException("run --mode seed first, or pass --login and --key");
        }
        return Files.readAllLines(KEYS_FILE).stream().map(l -> l.split(" ")).toList();
    }

    // --- throughput -------------------------------------------------------------------------------

    private void throughput() throws Exception {
        int clients = intArg("clients", 8);
        int messages = intArg("messages", 1000);
        List<String[]> credentials = credentials();
        String body = message();
        Recorder auth = new Recorder();
        Recorder perMessage = new Recorder();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            String[] credential = credentials.get(c % credentials.size());
            threads.add(start(() -> {
                try (SmtpTestClient client = session(null)) {
                    long t0 = System.nanoTime();
                    SmtpTestClient.Reply reply = client.authPlain(credential[0], credential[1]);
                    auth.add(System.nanoTime() - t0);
                    if (!reply.is(235)) {
                        throw new IllegalStateException("AUTH: " + reply);
                    }
                    for (int m = 0; m < messages; m++) {
                        long t1 = System.nanoTime();
                        SmtpTestClient.Reply answer = client.send("bench@example.org", List.of("sink@example.net"), body);
                        perMessage.add(System.nanoTime() - t1);
                        (answer.is(250) ? accepted : refused).incrementAndGet();
                    }
                    client.quit();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("throughput: %d clients x %d messages of %d bytes, TLS %s%n", clients, messages, body.length(), tls());
        System.out.printf("  accepted %d, refused %d in %.2f s = %.0f accepted msgs/s%n", accepted.get(), refused.get(),
                seconds, accepted.get() / seconds);
        System.out.println("  AUTH        " + auth.summary());
        System.out.println("  per message " + perMessage.summary());
    }

    // --- auth -------------------------------------------------------------------------------------

    private void auth() throws Exception {
        int clients = intArg("clients", 4);
        int sessions = intArg("sessions", 2000);
        List<String[]> credentials = credentials();
        Recorder auth = new Recorder();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            threads.add(start(() -> {
                for (int s = 0; s < sessions; s++) {
                    String[] credential = credentials.get(ThreadLocalRandom.current().nextInt(credentials.size()));
                    try (SmtpTestClient client = session(null)) {
                        long t0 = System.nanoTime();
                        SmtpTestClient.Reply reply = client.authPlain(credential[0], credential[1]);
                        auth.add(System.nanoTime() - t0);
                        if (!reply.is(235)) {
                            failed.incrementAndGet();
                        }
                        client.quit();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("auth: %d keys to pick from, %d clients x %d sessions, TLS %s, %d failed, %.0f sessions/s%n",
                credentials.size(), clients, sessions, tls(), failed.get(), clients * sessions / seconds);
        System.out.println("  AUTH " + auth.summary());
    }

    // --- flood ------------------------------------------------------------------------------------

    private void flood() throws Exception {
        int seconds = intArg("seconds", 30);
        int clients = intArg("clients", 4);
        // a fresh loopback address per run: an earlier run's block on it would hide this run's first tries
        String attacker = args.getOrDefault("attacker-ip",
                "127.2." + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(1, 250));
        List<String[]> credentials = credentials();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong evaluated = new AtomicLong();
        AtomicLong turnedAway = new AtomicLong();
        Thread flooder = start(() -> {
            String login = credentials.get(0)[0];
            while (running.get()) {
                try (SmtpTestClient client = SmtpTestClient.connect(port(), attacker)) {
                    SmtpTestClient.Reply greeting = client.read();
                    if (!greeting.is(220)) {
                        turnedAway.incrementAndGet();
                        continue;
                    }
                    client.ehlo();
                    if (tls()) {
                        client.startTls();
                        client.ehlo();
                    }
                    while (running.get()) {
                        SmtpTestClient.Reply reply = client.authPlain(login, KeySecret.generate());
                        if (reply.is(535)) {
                            evaluated.incrementAndGet();
                        } else {
                            turnedAway.incrementAndGet();
                            break;
                        }
                    }
                } catch (IOException e) {
                    turnedAway.incrementAndGet();
                }
            }
        });
        Recorder good = new Recorder();
        List<Thread> threads = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int c = 0; c < clients; c++) {
            threads.add(start(() -> {
                while (System.nanoTime() < end) {
                    String[] credential = credentials.get(ThreadLocalRandom.current().nextInt(credentials.size()));
                    try (SmtpTestClient client = session(null)) {
                        long t0 = System.nanoTime();
                        SmtpTestClient.Reply reply = client.authPlain(credential[0], credential[1]);
                        good.add(System.nanoTime() - t0);
                        if (!reply.is(235)) {
                            throw new IllegalStateException("good client refused: " + reply);
                        }
                        client.quit();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        running.set(false);
        flooder.join();
        System.out.printf("flood from %s for %d s: %d wrong keys evaluated (%.2f tries/s), %d connections or tries turned away%n",
                attacker, seconds, evaluated.get(), evaluated.get() / (double) seconds, turnedAway.get());
        System.out.println("  good clients' AUTH meanwhile " + good.summary());
    }

    // --- helpers ----------------------------------------------------------------------------------

    static Thread start(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    SmtpTestClient session(String sourceIp) throws IOException {
        SmtpTestClient client = SmtpTestClient.open(port(), sourceIp);
        client.ehlo();
        if (tls()) {
            client.startTls();
            client.ehlo();
        }
        return client;
    }

    /** A plain message of about 2 KB. */
    static String message() {
        StringBuilder text = new StringBuilder("From: Bench <bench@example.org>\r\nTo: sink@example.net\r\n"
                + "Subject: Benchmark message\r\nMessage-ID: <bench@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
        while (text.length() < 2000) {
            text.append("The quick brown fox jumps over the lazy dog, and the relay queues it durably.\r\n");
        }
        return text.toString();
    }

    /** Latencies in nanoseconds, from several threads. */
    static final class Recorder {
        private final List<long[]> chunks = new ArrayList<>();
        private long[] current = new long[4096];
        private int size;

        synchronized void add(long nanos) {
            if (size == current.length) {
                chunks.add(current);
                current = new long[4096];
                size = 0;
            }
            current[size++] = nanos;
        }

        synchronized String summary() {
            List<Long> all = new ArrayList<>();
            for (long[] chunk : chunks) {
                for (long v : chunk) {
                    all.add(v);
                }
            }
            for (int i = 0; i < size; i++) {
                all.add(current[i]);
            }
            if (all.isEmpty()) {
                return "n=0";
            }
            long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            return String.format("n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms", sorted.length, ms(sorted, 0.50),
                    ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
        }

        private static double ms(long[] sorted, double quantile) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        }
    }
}

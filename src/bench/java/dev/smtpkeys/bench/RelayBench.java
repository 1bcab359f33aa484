package dev.smtpkeys.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

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
 * ({@link ConnectionFloodBench});</li>
 * <li>{@code endtoend}: the throughput load while a local sink plays the smarthost; prints the intake
 * rate and the drain rate, accepted to SENT ({@link EndToEndBench}).</li>
 * </ul>
 * Lives in {@code src/bench/java}, compiled only with the Maven profile {@code bench}; see
 * docs/benchmarks.md for the commands.
 */
public final class RelayBench {

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
            case "endtoend" -> new EndToEndBench(bench).run();
            default -> throw new IllegalArgumentException("mode: seed | throughput | auth | flood | bigmessage | connflood | endtoend");
        }
    }

    String arg(String name, String fallback) {
        return args.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return args.containsKey(name);
    }

    int port() {
        return Integer.parseInt(args.getOrDefault("port", "2525"));
    }

    int intArg(String name, int fallback) {
        return Integer.parseInt(args.getOrDefault(name, String.valueOf(fallback)));
    }

    boolean tls() {
        return Boolean.parseBoolean(args.getOrDefault("tls", "true"));
    }

    // --- seed -------------------------------------------------------------------------------------

    private void seed() throws Exception {
        BenchSeed.seed(args.getOrDefault("db", "jdbc:postgresql://localhost:5432/postgres?currentSchema=smtpkeys"),
                args.getOrDefault("db-user", "postgres"), args.getOrDefault("db-password", ""), intArg("keys", 100_000));
    }

    List<String[]> credentials() throws IOException {
        if (args.containsKey("login") && args.containsKey("key")) {
            return List.<String[]>of(new String[] {args.get("login"), args.get("key")});
        }
        return BenchSeed.credentials();
    }

    // --- throughput -------------------------------------------------------------------------------

    private void throughput() throws Exception {
        int clients = intArg("clients", 8);
        int messages = intArg("messages", 1000);
        List<String[]> credentials = credentials();
        String body = message();
        LatencyRecorder auth = new LatencyRecorder();
        LatencyRecorder perMessage = new LatencyRecorder();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        inParallel(clients, c -> {
            String[] credential = credentials.get(c % credentials.size());
            try (SmtpTestClient client = session()) {
                SmtpTestClient.Reply reply = timedAuth(client, credential, auth);
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
        });
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
        LatencyRecorder auth = new LatencyRecorder();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        inParallel(clients, c -> {
            for (int s = 0; s < sessions; s++) {
                try (SmtpTestClient client = session()) {
                    if (!timedAuth(client, anyOf(credentials), auth).is(235)) {
                        failed.incrementAndGet();
                    }
                    client.quit();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
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
        Thread flooder = new Thread(() -> {
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
        flooder.start();
        LatencyRecorder good = new LatencyRecorder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        inParallel(clients, c -> {
            while (System.nanoTime() < end) {
                try (SmtpTestClient client = session()) {
                    SmtpTestClient.Reply reply = timedAuth(client, anyOf(credentials), good);
                    if (!reply.is(235)) {
                        throw new IllegalStateException("good client refused: " + reply);
                    }
                    client.quit();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        running.set(false);
        flooder.join();
        System.out.printf("flood from %s for %d s: %d wrong keys evaluated (%.2f tries/s), %d connections or tries turned away%n",
                attacker, seconds, evaluated.get(), evaluated.get() / (double) seconds, turnedAway.get());
        System.out.println("  good clients' AUTH meanwhile " + good.summary());
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** Runs {@code work} on {@code threads} threads, each given its number, and waits for all of them. */
    static void inParallel(int threads, IntConsumer work) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int number = i;
            Thread thread = new Thread(() -> work.accept(number));
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }
    }

    /** AUTH PLAIN with {@code credential} ({@code [login, key]}), its round trip recorded. */
    static SmtpTestClient.Reply timedAuth(SmtpTestClient client, String[] credential, LatencyRecorder recorder)
            throws IOException {
        long t0 = System.nanoTime();
        SmtpTestClient.Reply reply = client.authPlain(credential[0], credential[1]);
        recorder.add(System.nanoTime() - t0);
        return reply;
    }

    private static String[] anyOf(List<String[]> credentials) {
        return credentials.get(ThreadLocalRandom.current().nextInt(credentials.size()));
    }

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

    SmtpTestClient session() throws IOException {
        return session(null);
    }

    /** A plain message of about 2 KB in CRLF lines, none starting with a dot. */
    static String message() {
        StringBuilder text = new StringBuilder("From: Bench <bench@example.org>\r\nTo: sink@example.net\r\n"
                + "Subject: Benchmark message\r\nMessage-ID: <bench@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
        while (text.length() < 2000) {
            text.append("The quick brown fox jumps over the lazy dog, and the relay queues it durably.\r\n");
        }
        return text.toString();
    }
}

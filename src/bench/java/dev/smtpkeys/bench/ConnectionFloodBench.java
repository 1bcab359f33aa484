package dev.smtpkeys.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.smtpkeys.support.SmtpTestClient;

/**
 * RelayBench mode {@code connflood}: one address ({@code 127.4.x.y}, fresh per run) keeps {@code --idle}
 * connections open and silent for {@code --seconds}, reconnecting {@code --reconnect-pause-ms} (100) after
 * the relay closes one, while
 * {@code --clients} good clients from 127.0.0.1 keep doing whole sessions (connect, EHLO, STARTTLS, AUTH,
 * one message, QUIT). Prints what the idle connections got, and the good clients' outcomes, time to the
 * greeting and AUTH latency.
 */
final class ConnectionFloodBench {

    private final RelayBench bench;
    private final Map<String, AtomicLong> idleOutcomes = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    ConnectionFloodBench(RelayBench bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        int idle = bench.intArg("idle", 300);
        int seconds = bench.intArg("seconds", 20);
        int clients = bench.intArg("clients", 4);
        int pause = bench.intArg("reconnect-pause-ms", 100);
        String attacker = bench.arg("attacker-ip",
                "127.4." + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(1, 250));
        List<Thread> holders = new ArrayList<>();
        for (int i = 0; i < idle; i++) {
            holders.add(RelayBench.start(() -> holdIdle(attacker, pause)));
        }
        // let the flood settle before the good clients start measuring
        Thread.sleep(2000);
        List<String[]> credentials = bench.credentials();
        LatencyRecorder greeting = new LatencyRecorder();
        LatencyRecorder auth = new LatencyRecorder();
        Map<String, AtomicLong> good = new ConcurrentHashMap<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(RelayBench.start(() -> {
                while (System.nanoTime() < end) {
                    String[] credential = credentials.get(ThreadLocalRandom.current().nextInt(credentials.size()));
                    count(good, goodSession(credential, greeting, auth));
                }
            }));
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(seconds + 60L));
        }
        running.set(false);
        for (Thread t : holders) {
            t.join(5_000);
        }
        System.out.printf("connflood: %d idle connections from %s for %d s, %d good clients from 127.0.0.1, TLS %s%n",
                idle, attacker, seconds, clients, bench.tls());
        System.out.println("  idle connections (incl. reconnects):");
        new TreeMap<>(idleOutcomes).forEach((what, n) -> System.out.printf("  %7d x %s%n", n.get(), what));
        System.out.println("  good sessions:");
        new TreeMap<>(good).forEach((what, n) -> System.out.printf("  %7d x %s%n", n.get(), what));
        System.out.println("  good clients' connect to greeting " + greeting.summary());
        System.out.println("  good clients' AUTH               " + auth.summary());
    }

    private String goodSession(String[] credential, LatencyRecorder greeting, LatencyRecorder auth) {
        long t0 = System.nanoTime();
        try (SmtpTestClient client = SmtpTestClient.connect(bench.port(), null)) {
            SmtpTestClient.Reply hello = client.read();
            greeting.add(System.nanoTime() - t0);
            if (!hello.is(220)) {
                return "refused at greeting: " + hello;
            }
            client.ehlo();
            if (bench.tls()) {
                client.startTls();
                client.ehlo();
            }
            long t1 = System.nanoTime();
            SmtpTestClient.Reply reply = client.authPlain(credential[0], credential[1]);
            auth.add(System.nanoTime() - t1);
            if (!reply.is(235)) {
                return "AUTH " + reply;
            }
            reply = client.send("bench@example.org", List.of("sink@example.net"), RelayBench.message());
            client.quit();
            return reply.is(250) ? "served (250)" : "message " + reply.code();
        } catch (IOException e) {
            return "failed: " + e.getClass().getSimpleName();
        }
    }

    /** One idle slot: connect, read what the relay says, say nothing; reconnect when the relay hangs up. */
    private void holdIdle(String source, int pause) {
        while (running.get()) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), bench.port()), 5_000);
                socket.setSoTimeout(1_000);
                InputStream in = socket.getInputStream();
                String first = null;
                long connected = System.nanoTime();
                while (running.get()) {
                    try {
                        String line = readLine(in);
                        if (line == null) {
                            count(idleOutcomes, (first == null ? "closed without a word" : first) + ", then closed after "
                                    + bucket(System.nanoTime() - connected));
                            break;
                        }
                        if (first == null) {
                            first = line.length() > 3 && line.startsWith("220") ? "220 greeting" : line;
                        } else {
                            count(idleOutcomes, "then: " + line);
                        }
                    } catch (SocketTimeoutException e) {
                        // still open and silent: keep holding it
                    }
                }
                if (!running.get()) {
                    count(idleOutcomes, (first == null ? "no greeting" : first) + ", still open at the end");
                }
                sleepQuietly(pause);
            } catch (IOException e) {
                count(idleOutcomes, "connect failed: " + e.getClass().getSimpleName());
                sleepQuietly(pause);
            }
        }
    }

    private static String bucket(long nanos) {
        long ms = TimeUnit.NANOSECONDS.toMillis(nanos);
        return ms < 1000 ? "< 1 s" : (ms / 5000 * 5) + "-" + (ms / 5000 * 5 + 5) + " s";
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (b == '\n') {
                return line.toString().strip();
            }
            line.append((char) b);
        }
    }

    private static void count(Map<String, AtomicLong> map, String what) {
        map.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.smtpkeys.instances;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged prod jar ({@code target/quarkus-app/quarkus-run.jar}) as a child process, with its own
 * ports: web, management, a direct STARTTLS relay port, and the two relay ports HAProxy sends PROXY
 * headers to. It can be stopped with SIGTERM, as an orchestrator would, and started again on the same
 * ports. Its output goes to a log file (the app logs no secret), which a failure shows the end of.
 */
final class AppInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int httpPort = FreePorts.next();
    final int managementPort = FreePorts.next();
    /** STARTTLS without PROXY protocol: for checks against this one instance. */
    final int smtpPort = FreePorts.next();
    /** STARTTLS behind HAProxy (PROXY protocol). */
    final int relayPort = FreePorts.next();
    /** Implicit TLS behind HAProxy (PROXY protocol). */
    final int relayTlsPort = FreePorts.next();

    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    private Process process;

    AppInstance(String name, Path jar, Path logDir, Map<String, String> shared) {
        this.name = name;
        this.jar = jar;
        this.log = logDir.resolve(name + ".log");
        this.environment = new HashMap<>(shared);
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.put("SMTP_PORT", String.valueOf(smtpPort));
        environment.put("SMTPS_PORT", String.valueOf(FreePorts.next()));
        environment.put("SMTPKEYS_RELAY_LISTENERS_SUBMISSION_ENABLED", "false");
        environment.put("SMTPKEYS_RELAY_LISTENERS_LB_PORT", String.valueOf(relayPort));
        environment.put("SMTPKEYS_RELAY_LISTENERS_LB_PROXY_PROTOCOL", "true");
        environment.put("SMTPKEYS_RELAY_LISTENERS_LBTLS_PORT", String.valueOf(relayTlsPort));
        environment.put("SMTPKEYS_RELAY_LISTENERS_LBTLS_TLS", "implicit");
        environment.put("SMTPKEYS_RELAY_LISTENERS_LBTLS_PROXY_PROTOCOL", "true");
        // the greeting names the instance, so a client behind the balancer can tell where it landed
        environment.put("SMTPKEYS_RELAY_HOSTNAME", name);
    }

    /** Starts the process (again); {@link #awaitReady} waits for it. */
    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small and quick to start: two of these and the test share two cores
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the log's end if the process dies or takes too long. */
    void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!isReady()) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " not ready after 180 s\n" + logTail());
            }
            pause(100);
        }
    }

    /** Whether the readiness check answers 200 (false while starting, shutting down, or gone). */
    boolean isReady() {
        return managementStatus("/q/health/ready") == 200;
    }

    /** The status of a management path, or -1 when nothing answers. */
    int managementStatus(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The management port's text (e.g. {@code /q/metrics}). */
    String management(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Whether the direct relay port takes a TCP connection (from an address of its own, so no client's limits count it). */
    boolean relayAccepts() {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.20.1"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), smtpPort), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM, as {@code docker stop} or Kubernetes send it. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to end after {@link #terminate}. */
    void awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " still running 60 s after SIGTERM\n" + logTail());
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The last lines of this instance's log, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- " + log + " (end) ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

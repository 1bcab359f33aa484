package dev.smtpkeys.instances;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * HAProxy from the Debian package (installed by {@code .ci/run}) with the project's own
 * {@code docker/haproxy.cfg}, run in the foreground as a child process. Without HAProxy the test
 * fails, so no build passes with the multi-instance proof left out by accident; a machine without it
 * may skip it on purpose with {@code -Dhaproxy.optional=true} (as {@code -Dbrowser.optional=true}
 * does for Chromium).
 */
final class Haproxy implements AutoCloseable {

    /** The system property that turns a missing HAProxy into a skipped test instead of a failed one. */
    static final String OPTIONAL = "haproxy.optional";

    final int httpPort = FreePorts.next();
    final int smtpPort = FreePorts.next();
    final int smtpsPort = FreePorts.next();

    private final Path log;
    private Process process;

    Haproxy(Path logDir) {
        this.log = logDir.resolve("haproxy.log");
    }

    /** The HAProxy binary, or a failed (or, with the opt-out, skipped) test. */
    static Path binary() {
        Optional<Path> found = Stream.concat(
                Optional.ofNullable(System.getenv("HAPROXY")).map(Path::of).stream(),
                Stream.of("/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy").map(Path::of))
                .filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            String missing = "HAProxy is needed at /usr/sbin/haproxy (bash .ci/run installs the Debian package; "
                    + "HAPROXY names another path)";
            Assumptions.assumeFalse(Boolean.getBoolean(OPTIONAL), missing + "; skipped: -D" + OPTIONAL + "=true");
            throw new IllegalStateException(missing + ", or skip this test with -D" + OPTIONAL + "=true");
        }
        return found.get();
    }

    void start(Path binary, Path config, AppInstance app1, AppInstance app2) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("LB_BIND", "127.0.0.1");
        env.put("LB_HTTP_PORT", String.valueOf(httpPort));
        env.put("LB_SMTP_PORT", String.valueOf(smtpPort));
        env.put("LB_SMTPS_PORT", String.valueOf(smtpsPort));
        servers(env, "APP1_", app1);
        servers(env, "APP2_", app2);
        ProcessBuilder builder = new ProcessBuilder(List.of(binary.toString(), "-db", "-f", config.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        process = builder.start();
    }

    private static void servers(Map<String, String> env, String prefix, AppInstance app) {
        env.put(prefix + "HOST", "127.0.0.1");
        env.put(prefix + "HTTP_PORT", String.valueOf(app.httpPort));
        env.put(prefix + "MANAGEMENT_PORT", String.valueOf(app.managementPort));
        env.put(prefix + "RELAY_PORT", String.valueOf(app.relayPort));
        env.put(prefix + "RELAY_TLS_PORT", String.valueOf(app.relayTlsPort));
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}

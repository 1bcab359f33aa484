package dev.smtpkeys.instances;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.smtpkeys.support.TestDatabase;

/**
 * Two prod jars on one fresh database schema, HAProxy in front with the project's
 * {@code docker/haproxy.cfg}, and a stub smarthost both deliver to. Everything a production start
 * needs is made here: the two shared secrets (random per run), a relay keystore (keytool), the
 * schema. {@link #close} ends the processes and drops the schema, also after a failed start.
 */
final class TwoInstances implements AutoCloseable {

    final Path dir;
    final String schema;
    final StubSmarthost smarthost;
    final AppInstance app1;
    final AppInstance app2;
    final Haproxy haproxy;

    private TwoInstances(Path dir, String schema, StubSmarthost smarthost, AppInstance app1, AppInstance app2, Haproxy haproxy) {
        this.dir = dir;
        this.schema = schema;
        this.smarthost = smarthost;
        this.app1 = app1;
        this.app2 = app2;
        this.haproxy = haproxy;
    }

    /** Starts everything and waits until the balancer reaches both instances. */
    static TwoInstances start(Path projectDir) throws Exception {
        Path haproxyBinary = Haproxy.binary();
        Path jar = projectDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: this test runs after `package` (./mvnw verify)");
        }
        Path dir = Files.createDirectories(projectDir.resolve("target/two-instances-it/" + System.currentTimeMillis()));
        String schema = TestDatabase.newSchema();
        StubSmarthost smarthost = new StubSmarthost();
        Map<String, String> env = environment(dir, schema, smarthost.port());
        TwoInstances cluster = new TwoInstances(dir, schema, smarthost, new AppInstance("app1", jar, dir, env),
                new AppInstance("app2", jar, dir, env), new Haproxy(dir));
        try {
            cluster.app1.start();
            cluster.app2.start();
            // both at once, as a rolling deployment's first start would: Flyway's lock lets one migrate
            CompletableFuture.allOf(CompletableFuture.runAsync(cluster.app1::awaitReady),
                    CompletableFuture.runAsync(cluster.app2::awaitReady)).get(200, TimeUnit.SECONDS);
            cluster.haproxy.start(haproxyBinary, projectDir.resolve("docker/haproxy.cfg"), cluster.app1, cluster.app2);
            cluster.awaitBalancer();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** What a production start needs, the same for both instances, and the test's own settings. */
    private static Map<String, String> environment(Path dir, String schema, int smarthostPort) throws IOException, InterruptedException {
        SecureRandom random = new SecureRandom();
        String keystorePassword = randomText(random, 24);
        Path keystore = dir.resolve("relay.p12");
        keytool(keystore, keystorePassword);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "prod");
        env.put("DB_URL", TestDatabase.jdbcUrl(schema));
        env.put("DB_USER", TestDatabase.user());
        env.put("DB_PASSWORD", TestDatabase.password());
        env.put("DB_SCHEMA", schema);
        env.put("MASTER_KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(bytes(random, 32)));
        env.put("SESSION_ENCRYPTION_KEY", randomText(random, 48));
        env.put("SMTP_TLS_KEYSTORE", keystore.toString());
        env.put("SMTP_TLS_KEYSTORE_PASSWORD", keystorePassword);
        env.put("SMTP_TRUSTED_PROXIES", "127.0.0.1");
        env.put("SMTP_UPSTREAM_HOST", "127.0.0.1");
        env.put("SMTP_UPSTREAM_PORT", String.valueOf(smarthostPort));
        env.put("SMTP_UPSTREAM_TLS", "NONE");
        // readiness reports down this long before the relay stops listening: the balancer checks every 0.5 s
        env.put("QUARKUS_SHUTDOWN_DELAY", "4S");
        env.put("SMTPKEYS_RELAY_DELIVERY_POLL_INTERVAL", "1s");
        env.put("SMTPKEYS_RELAY_DELIVERY_BATCH_SIZE", "5");
        env.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
        env.put("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true");
        env.put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1");
        return env;
    }

    private static void keytool(Path keystore, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "relay", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass:env", "KEYSTORE_PASSWORD")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // the password through the environment, never on a command line that ps shows
        builder.environment().put("KEYSTORE_PASSWORD", password);
        Process keytool = builder.start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool could not make the relay's keystore");
        }
    }

    /** Waits until the balancer has sent web requests to both instances. */
    private void awaitBalancer() throws IOException, InterruptedException {
        WebClient web = new WebClient(haproxy.httpPort);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean one = false;
        boolean two = false;
        String last = "nothing";
        while (!(one && two)) {
            if (System.nanoTime() > deadline || !haproxy.isAlive()) {
                throw new AssertionError("the balancer does not reach both instances (last: " + last + ")\n" + haproxy.logText());
            }
            try {
                WebClient.Page page = web.get("/login");
                last = page.status() + " from " + page.servedBy();
                one |= page.status() == 200 && "app1".equals(page.servedBy());
                two |= page.status() == 200 && "app2".equals(page.servedBy());
            } catch (IOException notYet) {
                last = notYet.toString();
                AppInstance.pause(100);
            }
        }
    }

    /** The instance the balancer named {@code servedBy}. */
    AppInstance instance(String servedBy) {
        return "app1".equals(servedBy) ? app1 : app2;
    }

    /** The rows of a query with one text column, against this run's schema. */
    List<String> strings(String sql, Object... parameters) throws SQLException {
        try (Connection c = TestDatabase.connect(schema); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            return rows;
        }
    }

    @Override
    public void close() {
        haproxy.close();
        app1.close();
        app2.close();
        smarthost.close();
        TestDatabase.drop(schema);
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String randomText(SecureRandom random, int n) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(random, n));
    }
}

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
import java.util.List;
import java.util.UUID;

import dev.smtpkeys.keys.KeySecret;

/**
 * Writes bench keys straight into the database, 100 per account, and their secrets to a file the
 * other modes read. Keys are made and hashed by the product's own {@link KeySecret}, so the relay
 * takes them exactly like keys made on the SMTP tab.
 */
final class BenchSeed {

    static final Path KEYS_FILE = Path.of("target/bench-keys.txt");

    private static final int KEYS_PER_ACCOUNT = 100;

    private BenchSeed() {
    }

    static void seed(String url, String user, String password, int keys) throws SQLException, IOException {
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            String run = UUID.randomUUID().toString().substring(0, 8);
            try (PreparedStatement account = db.prepareStatement(
                    "insert into account (name, smtp_login) values (?, ?) returning id");
                    PreparedStatement key = db.prepareStatement("insert into smtp_key (account_id, name, token_hash, suffix, "
                            + "master, status) values (?, ?, ?, ?, false, 'ACTIVE')")) {
                long accountId = 0;
                String login = null;
                for (int i = 0; i < keys; i++) {
                    if (i % KEYS_PER_ACCOUNT == 0) {
                        int n = i / KEYS_PER_ACCOUNT;
                        login = "bench-" + run + "-" + n + "@bench.example";
                        accountId = insertAccount(account, "Bench " + run + " " + n, login);
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

    /** The seeded logins and keys, one {@code [login, key]} pair each. */
    static List<String[]> credentials() throws IOException {
        if (!Files.exists(KEYS_FILE)) {
            throw new IllegalStateException("run --mode seed first, or pass --login and --key");
        }
        return Files.readAllLines(KEYS_FILE).stream().map(l -> l.split(" ")).toList();
    }

    private static long insertAccount(PreparedStatement account, String name, String login) throws SQLException {
        account.setString(1, name);
        account.setString(2, login);
        try (ResultSet row = account.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}

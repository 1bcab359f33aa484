package dev.smtpkeys.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A key's last use (time, client IP, count of successful AUTHs), gathered in memory and written in
 * one batch per flush interval: a busy key costs one row update a minute, not one per AUTH, so
 * sessions never queue on its row. Several instances add their counts; the newest time wins. The same
 * flush keeps each key's last {@value #IPS_KEPT} distinct client IPs with their last-seen time.
 */
@ApplicationScoped
public class KeyUsage {

    private static final Logger LOG = Logger.getLogger(KeyUsage.class);

    // the time and IP only move forward, so a late flush from another instance cannot turn the clock back
    private static final String UPDATE = """
            update smtp_key
               set use_count = use_count + ?,
                   last_used_ip = case when last_used_at is null or last_used_at <= ? then ? else last_used_ip end,
                   last_used_at = greatest(coalesce(last_used_at, ?), ?)
             where id = ?""";

    /** How many distinct client IPs each key keeps. */
    static final int IPS_KEPT = 5;

    // a key deleted since its AUTH gets no row (and does not fail the batch); the row carries the key's
    // account, which the SMTP tab reads it by
    private static final String UPSERT_IP = """
            insert into smtp_key_client_ip (key_id, account_id, ip, last_seen_at)
            select id, account_id, ?, ? from smtp_key where id = ?
            on conflict (key_id, ip) do update
               set last_seen_at = greatest(smtp_key_client_ip.last_seen_at, excluded.last_seen_at)""";

    private static final String TRIM_IPS = """
            delete from smtp_key_client_ip
             where key_id = ? and ip in (select ip from smtp_key_client_ip where key_id = ?
                                          order by last_seen_at desc, ip offset %d)""".formatted(IPS_KEPT);

    private final DataSource dataSource;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();

    KeyUsage(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    private static final class Pending {
        Instant at;
        String ip;
        long uses;
        // insertion order is last-seen order: a seen IP is moved to the end, the oldest dropped beyond IPS_KEPT
        final LinkedHashMap<String, Instant> ips = new LinkedHashMap<>();

        void seen(String address, Instant when) {
            ips.remove(address);
            ips.put(address, when);
            if (ips.size() > IPS_KEPT) {
                ips.remove(ips.keySet().iterator().next());
            }
        }
    }

    /** A successful AUTH with the key: counts as a use. */
    public void authenticated(long keyId, String ip) {
        record(keyId, ip, 1);
    }

    /** A message accepted from the key: refreshes the time of last use without counting. */
    public void messageAccepted(long keyId, String ip) {
        record(keyId, ip, 0);
    }

    private void record(long keyId, String ip, long uses) {
        Instant now = clock.instant();
        pending.compute(keyId, (id, p) -> {
            Pending entry = p == null ? new Pending() : p;
            entry.at = now;
            entry.ip = ip;
            entry.uses += uses;
            if (ip != null) {
                entry.seen(ip, now);
            }
            return entry;
        });
    }

    /** Writes what was gathered since the last flush; one statement per used key, in one transaction. */
    // the interval and its default live in RelayConfig#lastUsedFlushInterval only
    @Scheduled(every = "${smtpkeys.relay.last-used-flush-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void flush() {
        List<Long> ids = new ArrayList<>(pending.keySet());
        if (ids.isEmpty()) {
            return;
        }
        ids.sort(null); // the same lock order on every instance
        List<Long> taken = new ArrayList<>();
        List<Pending> entries = new ArrayList<>();
        for (Long id : ids) {
            Pending entry = pending.remove(id);
            if (entry != null) {
                taken.add(id);
                entries.add(entry);
            }
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> write(taken, entries));
        } catch (RuntimeException e) {
            LOG.warnf("could not record the last use of %d keys: %s", entries.size(), e.getClass().getName());
            for (int i = 0; i < taken.size(); i++) {
                Pending lost = entries.get(i);
                pending.merge(taken.get(i), lost, (now, old) -> {
                    now.uses += old.uses;
                    old.ips.forEach((address, when) -> {
                        if (!now.ips.containsKey(address)) {
                            now.ips.put(address, when);
                        }
                    });
                    return now;
                });
            }
        }
    }

    private void write(List<Long> ids, List<Pending> entries) {
        try (Connection connection = dataSource.getConnection()) {
            writeUses(connection, ids, entries);
            writeIps(connection, ids, entries);
        } catch (SQLException e) {
            throw new IllegalStateException("last-use update failed", e);
        }
    }

    private static void writeUses(Connection connection, List<Long> ids, List<Pending> entries) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (int i = 0; i < ids.size(); i++) {
                Pending p = entries.get(i);
                Timestamp at = Timestamp.from(p.at);
                update.setLong(1, p.uses);
                update.setTimestamp(2, at);
                update.setString(3, p.ip);
                update.setTimestamp(4, at);
                update.setTimestamp(5, at);
                update.setLong(6, ids.get(i));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void writeIps(Connection connection, List<Long> ids, List<Pending> entries) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_IP);
                PreparedStatement trim = connection.prepareStatement(TRIM_IPS)) {
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                for (Map.Entry<String, Instant> seen : entries.get(i).ips.entrySet()) {
                    upsert.setString(1, seen.getKey());
                    upsert.setTimestamp(2, Timestamp.from(seen.getValue()));
                    upsert.setLong(3, id);
                    upsert.addBatch();
                }
                trim.setLong(1, id);
                trim.setLong(2, id);
                trim.addBatch();
            }
            upsert.executeBatch();
            trim.executeBatch();
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        flush();
    }
}

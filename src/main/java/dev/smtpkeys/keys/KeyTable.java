package dev.smtpkeys.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.smtpkeys.account.Account;

/**
 * What the SMTP tab's key table shows of the database, read in one query: the account's keys in
 * order, each with its client IPs (newest first) and its allowlist. The keys are plain objects, not
 * managed entities: the page only reads them, and Hibernate has nothing to load lazily or to check.
 */
record KeyTable(List<SmtpKey> keys, Map<Long, List<ClientIp>> clientIps, Map<Long, List<String>> networks) {

    // IPs and networks hold neither ',' nor ' ', so they travel as one aggregated text per key
    private static final String SQL = """
            select k.id, k.master, k.name, k.suffix, k.status, k.created_at, k.last_used_at, k.last_used_ip,
                   k.use_count, k.expires_at, k.rotated_at, k.retire_at, k.replaces_id, k.version,
                   (select string_agg(c.ip || ' ' || (extract(epoch from c.last_seen_at) * 1000000)::bigint, ','
                                      order by c.last_seen_at desc, c.ip)
                      from smtp_key_client_ip c where c.key_id = k.id),
                   (select string_agg(n.network::text, ',' order by n.id)
                      from smtp_key_allowed_network n where n.key_id = k.id)
              from smtp_key k
             where k.account_id = ?1
             order by k.master desc, k.created_at, k.id""";

    static KeyTable of(Account account) {
        List<?> rows = SmtpKey.getEntityManager().createNativeQuery(SQL).setParameter(1, account.id).getResultList();
        List<SmtpKey> keys = new ArrayList<>(rows.size());
        Map<Long, List<ClientIp>> clientIps = new HashMap<>();
        Map<Long, List<String>> networks = new HashMap<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            SmtpKey key = new SmtpKey();
            key.id = ((Number) c[0]).longValue();
            key.master = (Boolean) c[1];
            key.name = (String) c[2];
            key.suffix = (String) c[3];
            key.status = KeyStatus.valueOf((String) c[4]);
            key.createdAt = ClientIp.instant(c[5]);
            key.lastUsedAt = c[6] == null ? null : ClientIp.instant(c[6]);
            key.lastUsedIp = (String) c[7];
            key.useCount = ((Number) c[8]).longValue();
            key.expiresAt = c[9] == null ? null : ClientIp.instant(c[9]);
            key.rotatedAt = c[10] == null ? null : ClientIp.instant(c[10]);
            key.retireAt = c[11] == null ? null : ClientIp.instant(c[11]);
            key.replacesId = c[12] == null ? null : ((Number) c[12]).longValue();
            key.version = ((Number) c[13]).intValue();
            keys.add(key);
            if (c[14] != null) {
                List<ClientIp> ips = new ArrayList<>();
                for (String seen : ((String) c[14]).split(",")) {
                    int space = seen.indexOf(' ');
                    long micros = Long.parseLong(seen.substring(space + 1));
                    ips.add(new ClientIp(seen.substring(0, space),
                            Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L)));
                }
                clientIps.put(key.id, ips);
            }
            if (c[15] != null) {
                List<String> shown = new ArrayList<>();
                for (String network : ((String) c[15]).split(",")) {
                    shown.add(Networks.display(network));
                }
                networks.put(key.id, shown);
            }
        }
        return new KeyTable(keys, clientIps, networks);
    }
}

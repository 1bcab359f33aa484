package dev.smtpkeys.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Finding accounts across the whole installation, for support staff only; here in {@code admin}, since
 * it reads keys and the audit log as well as accounts. Matching is a partial,
 * case-insensitive {@code like} over company, SMTP login, user e-mail and key name: a scan, but
 * over a few small columns and always with a page limit (see V1's indexes; no trigram extension,
 * which needs rights a hosted database may not grant).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountDirectory {

    /** One search hit with what support needs to pick the right account. */
    public record Summary(Long id, String name, String smtpLogin, Instant createdAt, Long keys, Long activeKeys,
            Instant lastActivity) {
    }

    private static final String SELECT = """
            select a.id, a.name, a.smtpLogin, a.createdAt,
                   (select count(k) from SmtpKey k where k.account = a),
                   (select count(k) from SmtpKey k where k.account = a and k.status = dev.smtpkeys.keys.KeyStatus.ACTIVE),
                   (select max(e.at) from AuditEvent e where e.account = a)
              from Account a""";

    private static final String MATCH = """
             where lower(a.name) like :pattern escape '!'
                or lower(a.smtpLogin) like :pattern escape '!'
                or exists (select 1 from User u where u.account = a and lower(u.email) like :pattern escape '!')
                or exists (select 1 from SmtpKey k where k.account = a and lower(k.name) like :pattern escape '!')""";

    private final EntityManager entityManager;

    AccountDirectory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Accounts matching {@code text} (all when blank), newest first; {@code limit} rows from {@code offset}. */
    public List<Summary> search(String text, int offset, int limit) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        boolean all = needle.isEmpty();
        var query = entityManager.createQuery(SELECT + (all ? "" : " " + MATCH) + " order by a.createdAt desc, a.id desc",
                Summary.class);
        if (!all) {
            query.setParameter("pattern", "%" + escapeLike(needle) + "%");
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

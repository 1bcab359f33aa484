package dev.smtpkeys.limits;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of {@link LimitStore}. The upsert is written once with named parameters (each used
 * several times) and turned into JDBC's positional ones here. In {@code DO UPDATE}, {@code c} is the
 * row as it was: a window that has ended (and holds no block) starts again at one hit.
 */
final class LimitSql {

    private static final String MS = " * interval '1 millisecond'";
    private static final String FRESH = "(c.window_end <= :now and (c.blocked_until is null or c.blocked_until <= :now))";
    private static final String NEXT = "(case when " + FRESH + " then 1 else c.hits + 1 end)";

    /** When the {@code n}-th hit blocks the subject until: at the maximum, or by the back-off; else null. */
    private static String penalty(String n) {
        return "(case when :block_ms > 0 and " + n + " >= :max then :now + :block_ms" + MS
                + " when :base_ms > 0 and " + n + " > :free then :now + least(:base_ms * power(2, least(" + n
                + " - :free - 1, 30)), :cap_ms)" + MS + " end)";
    }

    private static final String BLOCKED = "(case when c.blocked_until > :now then c.blocked_until else "
            + penalty(NEXT) + " end)";

    private static final String UPSERT = "insert into limit_counter as c (purpose, subject, hits, window_end, blocked_until)"
            + " values (:purpose, :subject, 1, greatest(:now + :window_ms" + MS + ", " + penalty("1") + "), "
            + penalty("1") + ")"
            + " on conflict (purpose, subject) do update set hits = " + NEXT
            + ", window_end = greatest(case when " + FRESH + " then :now + :window_ms" + MS
            + " else c.window_end end, " + BLOCKED + "), blocked_until = " + BLOCKED;

    private static final String RETURNING = " returning hits, window_end, blocked_until";

    static final Named HIT = new Named(UPSERT + RETURNING);

    /** Only with room: not blocked, and a fresh window or one below the maximum. */
    static final Named TAKE = new Named(UPSERT + " where (c.blocked_until is null or c.blocked_until <= :now) and ("
            + FRESH + " or c.hits < :max)" + RETURNING);

    static final String PEEK = "select hits, window_end, blocked_until from limit_counter"
            + " where purpose = ? and subject = ? and window_end > ?";

    static final String GIVE_BACK = "update limit_counter set hits = greatest(hits - 1, 0) where purpose = ? and subject = ?";

    static final String FORGET = "delete from limit_counter where purpose = ? and subject = ?";

    /** A batch of ended rows, checked again when deleted: a hit may have renewed one meanwhile. */
    static final String PURGE = "delete from limit_counter c using (select purpose, subject from limit_counter"
            + " where window_end <= ? limit ?) old"
            + " where c.purpose = old.purpose and c.subject = old.subject and c.window_end <= ?";

    private LimitSql() {
    }

    /** A statement with {@code :name} parameters, and the order JDBC wants them in. */
    record Named(String jdbc, List<String> names) {

        private static final Pattern PARAMETER = Pattern.compile(":([a-z_]+)");

        Named(String sql) {
            this(PARAMETER.matcher(sql).replaceAll("?"), names(sql));
        }

        private static List<String> names(String sql) {
            List<String> names = new ArrayList<>();
            Matcher m = PARAMETER.matcher(sql);
            while (m.find()) {
                names.add(m.group(1));
            }
            return List.copyOf(names);
        }

        void bind(PreparedStatement statement, Function<String, Object> values) throws SQLException {
            for (int i = 0; i < names.size(); i++) {
                statement.setObject(i + 1, values.apply(names.get(i)));
            }
        }
    }
}

package dev.smtpkeys.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.Actor;
import dev.smtpkeys.account.Role;
import dev.smtpkeys.audit.AuditEvent;
import dev.smtpkeys.keys.SmtpKey;
import dev.smtpkeys.web.Messages;
import dev.smtpkeys.web.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads an account's audit log a page at a time, for its users and for support. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ActivityPages {

    public static final int PAGE_SIZE = 50;

    private final Messages messages;

    ActivityPages(Messages messages) {
        this.messages = messages;
    }

    /** Who is reading: "you" is this user; support readers also see which colleague acted. */
    public record Reader(Long userId, boolean support) {
    }

    /** Page {@code page} (from 1) of the account's events, optionally of one key only, in the reader's language. */
    public ActivityPage page(Account account, Long keyFilter, int page, Reader reader) {
        ActivityMessages msg = messages.get(ActivityMessages.class);
        Paging paging = Paging.of(page, PAGE_SIZE);
        List<AuditEvent> events = AuditEvent.pageOwned(account, keyFilter, paging.offset(), paging.fetch());
        List<ActivityPage.Row> rows = new ArrayList<>();
        for (AuditEvent event : paging.visible(events)) {
            boolean supportActed = Role.SUPPORT.equals(event.actorRole);
            // staff addresses and networks are the provider's business, not the customer's
            String ip = supportActed && !reader.support() ? null : event.ip;
            rows.add(new ActivityPage.Row(event, who(event, reader, msg), what(event, msg), ip));
        }
        return new ActivityPage(rows, keyOptions(account), keyFilter,
                paging.pager(events, number -> ActivityPage.query(number, keyFilter)));
    }

    private static List<ActivityPage.KeyOption> keyOptions(Account account) {
        Map<Long, ActivityPage.KeyOption> options = new LinkedHashMap<>();
        for (SmtpKey key : SmtpKey.listOwned(account)) {
            options.put(key.id, new ActivityPage.KeyOption(key.id, key.name, key.suffix, key.master, false));
        }
        for (AuditEvent.KeySeen seen : AuditEvent.keysSeen(account)) {
            options.putIfAbsent(seen.keyId(), new ActivityPage.KeyOption(seen.keyId(), seen.keyName(),
                    seen.keySuffix(), seen.keyMaster(), true));
        }
        return List.copyOf(options.values());
    }

    private static String who(AuditEvent event, Reader reader, ActivityMessages msg) {
        if (Actor.SYSTEM_ROLE.equals(event.actorRole)) {
            return msg.who_system();
        }
        if (Role.SUPPORT.equals(event.actorRole)) {
            return reader.support() && event.actorEmail != null ? msg.who_support_named(event.actorEmail)
                    : msg.who_support();
        }
        if (event.actorId != null && event.actorId.equals(reader.userId())) {
            return msg.who_you();
        }
        return event.actorEmail == null ? msg.who_unknown() : event.actorEmail;
    }

    static String what(AuditEvent event, ActivityMessages msg) {
        return switch (event.action) {
            case KEY_GENERATED -> msg.action_key_generated();
            case KEY_DEACTIVATED -> msg.action_key_deactivated();
            case KEY_ACTIVATED -> msg.action_key_activated();
            case KEY_DELETED -> msg.action_key_deleted();
            case MASTER_REVEALED -> msg.action_master_revealed();
            case LOGIN -> msg.action_login();
            case LOGIN_FAILED -> msg.action_login_failed();
            case ACCOUNT_CREATED -> msg.action_account_created();
            case PASSWORD_CHANGED -> msg.action_password_changed();
            case KEY_NETWORKS_CHANGED -> msg.action_key_networks_changed();
            case KEY_ADDRESS_REFUSED -> msg.action_key_address_refused();
            case KEY_REPORTED_LEAKED -> msg.action_key_reported_leaked();
            case KEY_ROTATED -> msg.action_key_rotated();
            case KEY_RETIRED -> msg.action_key_retired();
            case KEY_EXPIRED -> msg.action_key_expired();
            case MASTER_REVEALED_CONFIRMED -> msg.action_master_revealed_confirmed();
            case SENDING_LIMITS_SET -> sendingLimitsSet(event.detail, msg);
            case SENDING_LIMITS_RESET -> msg.action_sending_limits_reset();
            case LOGIN_THROTTLED -> msg.action_login_throttled();
            case PASSWORD_THROTTLED -> msg.action_password_throttled();
            case SIGNUP_THROTTLED -> msg.action_signup_throttled();
            case QUEUED_MAIL_HELD -> msg.action_queued_mail_held();
            case QUEUED_MAIL_RELEASED -> msg.action_queued_mail_released();
            case QUEUED_MAIL_DROPPED -> msg.action_queued_mail_dropped();
            case INVITATION_SENT -> msg.action_invitation_sent();
        };
    }

    /** The detail of a sending-limit override is "perMinute/perDay" (sending.SendingLimits writes it). */
    private static String sendingLimitsSet(String detail, ActivityMessages msg) {
        String[] limits = detail == null ? new String[0] : detail.split("/");
        return limits.length == 2 ? msg.action_sending_limits_set(limits[0], limits[1])
                : msg.action_sending_limits_changed();
    }
}

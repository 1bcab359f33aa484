package dev.smtpkeys.account;

import java.util.Locale;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.smtpkeys.web.DateViews;
import dev.smtpkeys.web.LocaleResolver;
import dev.smtpkeys.web.Messages;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Accounts that support opens for customers, and their invitations: the user is mailed a one-time
 * link to choose their password ({@link WelcomeResource}); support is told only where it went. The
 * mail is sent after the account is committed; a mail server that fails costs the mail, not the
 * account, and support can send the invitation again.
 */
@ApplicationScoped
public class Invitations {

    private static final Logger LOG = Logger.getLogger(Invitations.class);

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance invitationHtml(InvitationMail mail);

        static native TemplateInstance invitationText(InvitationMail mail);
    }

    /** What the invitation e-mail says; {@code link} carries the token. */
    public record InvitationMail(String company, String link, String validUntil) {

        @Override
        public String toString() {
            return "InvitationMail[company=" + company + "]";
        }
    }

    /** An invitation as support may see it: to whom, and whether the mail went out. */
    public record Invited(long accountId, String company, String email, boolean mailed) {
    }

    private final AccountService accounts;
    private final AccountConfig config;
    private final Mailer mailer;

    Invitations(AccountService accounts, AccountConfig config, Mailer mailer) {
        this.accounts = accounts;
        this.config = config;
        this.mailer = mailer;
    }

    /**
     * Opens an account for a customer and mails its user the link to choose a password, in
     * {@code language} ("en", "de"; anything else: the default). {@code requestBase} is the address of
     * support's request, for the link when no public address is configured.
     */
    public Invited createForCustomer(Actor actor, String company, String email, String language, String requestBase) {
        IssuedInvitation issued = accounts.createForCustomer(actor, company, email, LocaleResolver.supported(language));
        return new Invited(issued.user().account.id, issued.user().account.name, issued.user().email,
                mail(issued, requestBase));
    }

    /** A new invitation for a user of the account who has not chosen a password yet; the old link stops working. */
    public Optional<Invited> sendAgain(Actor actor, long accountId, long userId, String requestBase) {
        return accounts.inviteAgain(actor, accountId, userId).map(issued -> new Invited(accountId,
                issued.user().account.name, issued.user().email, mail(issued, requestBase)));
    }

    private boolean mail(IssuedInvitation issued, String requestBase) {
        Locale locale = Optional.ofNullable(LocaleResolver.supported(issued.user().locale)).orElse(Locale.ENGLISH);
        String base = config.baseUrl().filter(b -> !b.isBlank()).orElse(requestBase).replaceAll("/+$", "");
        String until = DateViews.dateTime(issued.expiresAt(), locale);
        InvitationMail mail = new InvitationMail(issued.user().account.name,
                base + WelcomeResource.PATH + "/" + issued.token(), until);
        AccountMessages msg = Messages.in(AccountMessages.class, locale);
        try {
            mailer.send(Mail.withHtml(issued.user().email, msg.invitation_subject(),
                    Templates.invitationHtml(mail).setLocale(locale).render())
                    .setText(Templates.invitationText(mail).setLocale(locale).render()));
            return true;
        } catch (RuntimeException e) {
            // never the mail itself: it holds the link
            LOG.warnf("invitation for user %d not sent: %s", issued.user().id, e.getClass().getName());
            return false;
        }
    }
}

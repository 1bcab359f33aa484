package dev.smtpkeys.account;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * Creating accounts and their users. What other features add to a new account (its master key, its
 * audit line) they add by observing {@link AccountCreated}, in the same transaction.
 */
@ApplicationScoped
@Transactional
public class AccountService {

    private static final char[] LOGIN_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int LOGIN_LENGTH = 7;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountConfig config;
    private final Event<AccountCreated> accountCreated;
    private final Event<PasswordChanged> passwordChanged;
    private final Event<InvitationIssued> invitationIssued;
    private final InvitationTokens invitations;

    AccountService(AccountConfig config, Event<AccountCreated> accountCreated, Event<PasswordChanged> passwordChanged,
            Event<InvitationIssued> invitationIssued, InvitationTokens invitations) {
        this.config = config;
        this.accountCreated = accountCreated;
        this.passwordChanged = passwordChanged;
        this.invitationIssued = invitationIssued;
        this.invitations = invitations;
    }

    /** A new account with its SMTP login, its first user and (through {@link AccountCreated}) its master key. */
    public User createAccount(Actor actor, String accountName, String email, String password) {
        User user = newAccount(accountName, email, password);
        accountCreated.fire(new AccountCreated(actor, user));
        return user;
    }

    /** Sign-up: checks the form, then creates the account; the new user is the actor of its creation. */
    public User signUp(String company, String email, String password, String repeat, String ip) {
        NewAccount checked = checkNewAccount(company, email, new ChosenPassword(password, repeat));
        User user = newAccount(checked.company(), checked.email(), password);
        flushOrTaken();
        accountCreated.fire(new AccountCreated(Actor.of(user, ip), user));
        return user;
    }

    /**
     * An account created by support for a customer. Its user gets no password that anyone knows (the
     * hash of a random value, so that signing in with it costs the same time as with any other): they
     * choose their own through the invitation, whose token is in the answer only for the mail.
     * {@code locale} is the language support picked for them (null: the default).
     */
    IssuedInvitation createForCustomer(Actor actor, String company, String email, Locale locale) {
        NewAccount checked = checkNewAccount(company, email, null);
        // the password is a random value that is never kept: nobody knows it, support included
        User user = createAccount(actor, checked.company(), checked.email(), TokenHash.newToken());
        user.mustChangePassword = true;
        user.locale = locale == null ? null : locale.getLanguage();
        flushOrTaken();
        return invite(actor, user);
    }

    /**
     * A new invitation for a user of {@code accountId} who has not chosen a password yet; the earlier
     * link stops working. Empty when there is no such user (or they already chose their password).
     */
    Optional<IssuedInvitation> inviteAgain(Actor actor, long accountId, long userId) {
        User user = User.<User>find("from User u join fetch u.account where u.id = ?1", userId).firstResult();
        if (user == null || !user.account.id.equals(accountId) || !user.mustChangePassword) {
            return Optional.empty();
        }
        return Optional.of(invite(actor, user));
    }

    private IssuedInvitation invite(Actor actor, User user) {
        IssuedInvitation issued = invitations.issue(user);
        invitationIssued.fire(new InvitationIssued(actor, user));
        return issued;
    }

    /** The e-mail address of the user a live set-password token belongs to. */
    public Optional<String> invitedEmail(String token) {
        return invitations.user(token).map(user -> user.email);
    }

    /**
     * Sets the password chosen through an invitation's link and uses the link up (once, even when
     * sent twice at the same moment). The sign-in that follows takes the address from the form.
     */
    public void acceptInvitation(String token, String password, String repeat, String ip) {
        User user = invitations.user(token)
                .orElseThrow(() -> new AccountException("form", AccountProblem.INVITATION_INVALID));
        AccountRules rules = AccountRules.check();
        rules.newPassword("password", "repeat", password, repeat, user.email);
        rules.orThrow();
        if (!invitations.consume(token, user.id)) {
            throw new AccountException("form", AccountProblem.INVITATION_INVALID);
        }
        user.setPassword(password);
        user.mustChangePassword = false;
        passwordChanged.fire(new PasswordChanged(Actor.of(user, ip), user));
    }


    /** A new account's company name and e-mail address as they will be stored. */
    private record NewAccount(String company, String email) {
    }

    /** The password a customer chose on the sign-up form, and its repetition. */
    private record ChosenPassword(String password, String repeat) {
    }

    /**
     * The rules of a new account, the same for sign-up and support's form: company, e-mail address
     * and, where the customer chooses it ({@code chosen} not null), the password. A taken e-mail
     * address is refused like any other field problem, with a text that does not say whose it is.
     */
    private static NewAccount checkNewAccount(String company, String email, ChosenPassword chosen) {
        AccountRules rules = AccountRules.check();
        String name = rules.company("company", company);
        String address = rules.email("email", email);
        if (chosen != null) {
            rules.newPassword("password", "repeat", chosen.password(), chosen.repeat(), address);
        }
        if (address != null && User.findByEmail(address).isPresent()) {
            rules.add("email", AccountProblem.EMAIL_TAKEN);
        }
        rules.orThrow();
        return new NewAccount(name, address);
    }

    /** Changes the user's password after checking the current one; ends a forced change. */
    public void changePassword(long userId, String current, String password, String repeat, String ip) {
        User user = User.findById(userId);
        if (user == null) {
            throw new IllegalStateException("user " + userId + " no longer exists");
        }
        AccountRules rules = AccountRules.check();
        if (current == null || !BcryptUtil.matches(current, user.passwordHash)) {
            rules.add("current", AccountProblem.CURRENT_PASSWORD_WRONG);
        }
        rules.newPassword("password", "repeat", password, repeat, user.email);
        if (!rules.hasProblem("current") && !rules.hasProblem("password") && password.equals(current)) {
            rules.add("password", AccountProblem.PASSWORD_UNCHANGED);
        }
        rules.orThrow();
        user.setPassword(password);
        user.mustChangePassword = false;
        passwordChanged.fire(new PasswordChanged(Actor.of(user, ip), user));
    }

    /**
     * Two sign-ups with one address at the same moment: the unique index decides, the loser sees
     * "taken". Any other failure (a lost connection, say) is not the user's doing and stays an error.
     */
    private static void flushOrTaken() {
        try {
            User.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException violation
                        && "app_user_email_key".equals(violation.getConstraintName())) {
                    throw new AccountException("email", AccountProblem.EMAIL_TAKEN);
                }
            }
            throw e;
        }
    }

    private User newAccount(String accountName, String email, String password) {
        Account account = new Account();
        account.name = accountName.strip();
        account.smtpLogin = freeSmtpLogin();
        account.persist();

        User user = new User();
        user.email = User.normalizeEmail(email);
        user.setPassword(password);
        user.role = Role.USER;
        user.account = account;
        user.persist();
        return user;
    }

    /** A staff user, who belongs to no account. */
    public User createSupportUser(String email, String password) {
        User user = new User();
        user.email = User.normalizeEmail(email);
        user.setPassword(password);
        user.role = Role.SUPPORT;
        user.persist();
        return user;
    }

    /** Sets the language the user picked; null follows the browser again. */
    public void setLocale(long userId, String locale) {
        User user = User.findById(userId);
        if (user != null) {
            user.locale = locale;
        }
    }

    private String freeSmtpLogin() {
        // 32^7 ≈ 3.4e10 logins: a clash is rare, and the unique index would catch a race
        while (true) {
            StringBuilder local = new StringBuilder(LOGIN_LENGTH);
            for (int i = 0; i < LOGIN_LENGTH; i++) {
                local.append(LOGIN_ALPHABET[RANDOM.nextInt(LOGIN_ALPHABET.length)]);
            }
            String login = local + "@" + config.loginDomain();
            if (Account.count("smtpLogin", login) == 0) {
                return login;
            }
        }
    }
}

package dev.smtpkeys.account;

import java.security.SecureRandom;

import org.hibernate.exception.ConstraintViolationException;

import dev.smtpkeys.audit.Actor;
import dev.smtpkeys.audit.AuditAction;
import dev.smtpkeys.audit.AuditLog;
import dev.smtpkeys.keys.KeyService;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/** Creating accounts and their users. */
@ApplicationScoped
@Transactional
public class AccountService {

    private static final char[] LOGIN_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int LOGIN_LENGTH = 7;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountConfig config;
    private final KeyService keys;
    private final AuditLog audit;

    AccountService(AccountConfig config, KeyService keys, AuditLog audit) {
        this.config = config;
        this.keys = keys;
        this.audit = audit;
    }

    /** A new account with its SMTP login, its first user and its master key. */
    public User createAccount(Actor actor, String accountName, String email, String password) {
        User user = newAccount(accountName, email, password);
        audit.record(actor, user.account, AuditAction.ACCOUNT_CREATED, null, null);
        return user;
    }

    /**
     * Sign-up: checks the form, then creates the account; the new user is the actor of its creation.
     * A taken e-mail address is refused like any other field problem, with a text that does not
     * say whose it is.
     */
    public User signUp(String company, String email, String password, String repeat, String ip) {
        AccountRules rules = AccountRules.check();
        String name = rules.company("company", company);
        String address = rules.email("email", email);
        rules.newPassword("password", "repeat", password, repeat, address);
        if (address != null && User.findByEmail(address).isPresent()) {
            rules.add("email", AccountProblem.EMAIL_TAKEN);
        }
        rules.orThrow();
        User user = newAccount(name, address, password);
        flushOrTaken();
        audit.record(Actor.of(user, ip), user.account, AuditAction.ACCOUNT_CREATED, null, null);
        return user;
    }

    /**
     * An account created by support for a customer: the initial password is generated, shown once to
     * support, and must be changed at the first sign-in.
     */
    public CreatedAccount createForCustomer(Actor actor, String company, String email) {
        AccountRules rules = AccountRules.check();
        String name = rules.company("company", company);
        String address = rules.email("email", email);
        if (address != null && User.findByEmail(address).isPresent()) {
            rules.add("email", AccountProblem.EMAIL_TAKEN);
        }
        rules.orThrow();
        String initialPassword = InitialPasswords.generate();
        User user = createAccount(actor, name, address, initialPassword);
        user.mustChangePassword = true;
        flushOrTaken();
        return new CreatedAccount(user, initialPassword);
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
        audit.record(Actor.of(user, ip), user.account, AuditAction.PASSWORD_CHANGED, null, null);
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

        keys.createMaster(account, user);
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

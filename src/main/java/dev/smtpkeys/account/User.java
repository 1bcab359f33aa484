package dev.smtpkeys.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A person who signs in. Support users have no account; account users always have one. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Stored lower-case, so the login and the unique index agree. */
    @Username
    @Column(nullable = false)
    public String email;

    @Password
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Roles
    @Column(nullable = false)
    public String role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    public Account account;

    /** The language the user picked, or null to follow the browser. */
    public String locale;

    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt = Instant.now();

    public static Optional<User> findByEmail(String email) {
        return find("email", normalizeEmail(email)).firstResultOptional();
    }

    /** As {@link #findByEmail}, with the account loaded in the same query: every signed-in page shows it. */
    public static Optional<User> findWithAccount(String email) {
        return find("from User u left join fetch u.account where u.email = ?1", normalizeEmail(email))
                .firstResultOptional();
    }

    /** The users of {@code account}, oldest first. */
    public static List<User> listOwned(Account account) {
        return list("account = ?1 order by createdAt, id", account);
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public void setPassword(String plain) {
        this.passwordHash = BcryptUtil.bcryptHash(plain);
    }

    public boolean isSupport() {
        return Role.SUPPORT.equals(role);
    }
}

package dev.smtpkeys.account;

import java.time.Clock;
import java.time.Duration;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/**
 * GitHub's "sudo mode": a sensitive step (showing the master password again) needs a password proven
 * within the last {@link #WINDOW}, at sign-in or by confirming it again. Each check is counted, before
 * bcrypt, against the same shared budget as the change-password form, so this form is no way around it.
 */
@RequestScoped
public class SudoMode {

    public static final Duration WINDOW = Duration.ofMinutes(10);

    /** What a confirmation came to. */
    public enum Confirmation { CONFIRMED, WRONG, PAUSED }

    private final CurrentUser currentUser;
    private final UserSessions sessions;
    private final SignInPolicy policy;
    private final HttpServerRequest request;
    private final Clock clock;

    SudoMode(CurrentUser currentUser, UserSessions sessions, SignInPolicy policy, HttpServerRequest request,
            Clock clock) {
        this.currentUser = currentUser;
        this.sessions = sessions;
        this.policy = policy;
        this.request = request;
        this.clock = clock;
    }

    /** Whether the signed-in user proved their password within the last ten minutes. */
    public boolean isFresh() {
        return sessions.provenAt(token())
                .map(at -> !at.plus(WINDOW).isBefore(clock.instant()))
                .orElse(false);
    }

    /** Checks {@code password}; when right, the session counts as fresh for another ten minutes. */
    public Confirmation confirm(String password) {
        User user = currentUser.user();
        if (!policy.admitPasswordCheck(user.id)) {
            return Confirmation.PAUSED;
        }
        if (password == null || password.isEmpty() || !BcryptUtil.matches(password, user.passwordHash)) {
            return Confirmation.WRONG;
        }
        policy.passwordCheckPassed(user.id);
        sessions.confirmed(token(), clock.instant());
        return Confirmation.CONFIRMED;
    }

    private String token() {
        Cookie sid = request.getCookie(UserSessions.COOKIE);
        return sid == null ? null : sid.getValue();
    }
}

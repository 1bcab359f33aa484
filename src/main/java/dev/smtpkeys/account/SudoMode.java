package dev.smtpkeys.account;

import java.time.Clock;
import java.time.Duration;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/**
 * GitHub's "sudo mode": a sensitive step (showing the master password again) needs a password proven
 * within the last {@link #WINDOW}, at sign-in or by confirming it again. Wrong passwords count
 * against the sign-in throttle, so this form is no way around it.
 */
@RequestScoped
public class SudoMode {

    public static final Duration WINDOW = Duration.ofMinutes(10);

    /** What a confirmation came to. */
    public enum Confirmation { CONFIRMED, WRONG, PAUSED }

    private final CurrentUser currentUser;
    private final UserSessions sessions;
    private final LoginThrottle throttle;
    private final HttpServerRequest request;
    private final Clock clock;

    SudoMode(CurrentUser currentUser, UserSessions sessions, LoginThrottle throttle, HttpServerRequest request,
            Clock clock) {
        this.currentUser = currentUser;
        this.sessions = sessions;
        this.throttle = throttle;
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
        String ip = currentUser.clientIp();
        if (throttle.isBlocked(ip, user.email)) {
            return Confirmation.PAUSED;
        }
        if (password == null || password.isEmpty() || !BcryptUtil.matches(password, user.passwordHash)) {
            throttle.failed(ip, user.email);
            return Confirmation.WRONG;
        }
        throttle.succeeded(user.email);
        sessions.confirmed(token(), clock.instant());
        return Confirmation.CONFIRMED;
    }

    private String token() {
        Cookie sid = request.getCookie(UserSessions.COOKIE);
        return sid == null ? null : sid.getValue();
    }
}

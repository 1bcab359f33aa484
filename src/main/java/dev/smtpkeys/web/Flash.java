package dev.smtpkeys.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * The one-shot message shown after POST → 303 → GET. It lives in a short cookie that holds only
 * the finished, non-secret text; reading it clears it. Templates read it as {@code inject:flash}.
 */
@RequestScoped
@Named("flash")
public class Flash {

    static final String COOKIE = "flash";

    private final RoutingContext context;
    private Message message;
    private boolean read;

    public record Message(boolean success, String text) {
    }

    Flash(RoutingContext context) {
        this.context = context;
    }

    /** A 303 to {@code location} that shows {@code text} as a confirmation on arrival. */
    public static Response redirectWithSuccess(String location, String text) {
        return redirect(location, true, text);
    }

    /** A 303 to {@code location} that shows {@code text} as a problem on arrival. */
    public static Response redirectWithError(String location, String text) {
        return redirect(location, false, text);
    }

    /** The message carried by this request, or null; shown once. */
    public Message getMessage() {
        if (!read) {
            read = true;
            Cookie cookie = context.request().getCookie(COOKIE);
            if (cookie != null) {
                message = decode(cookie.getValue());
                context.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0));
            }
        }
        return message;
    }

    private static Response redirect(String location, boolean success, String text) {
        String value = (success ? "s" : "e") + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8));
        NewCookie cookie = new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(60)
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create(location)).cookie(cookie).build();
    }

    private static Message decode(String value) {
        if (value == null || value.length() < 2) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value.substring(1)), StandardCharsets.UTF_8);
            return new Message(value.charAt(0) == 's', text);
        } catch (IllegalArgumentException tampered) {
            return null;
        }
    }
}

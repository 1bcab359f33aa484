package dev.smtpkeys.account;

import java.net.URI;
import java.util.Locale;

import dev.smtpkeys.web.LocaleResolver;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/** The language switch: remembered on the user (when signed in) and in a cookie (also before sign-in). */
@Path("/language")
@PermitAll
public class LanguageResource {

    private final CurrentUser currentUser;
    private final AccountService accounts;

    LanguageResource(CurrentUser currentUser, AccountService accounts) {
        this.currentUser = currentUser;
        this.accounts = accounts;
    }

    @POST
    public Response choose(@FormParam("locale") String tag, @HeaderParam("Referer") String referer) {
        Locale locale = LocaleResolver.supported(tag);
        String value = locale == null ? "" : locale.getLanguage();
        if (currentUser.isSignedIn()) {
            accounts.setLocale(currentUser.user().id, locale == null ? null : value);
        }
        NewCookie cookie = new NewCookie.Builder(LocaleResolver.COOKIE).value(value).path("/")
                .maxAge(locale == null ? 0 : 365 * 24 * 3600).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(backTo(referer)).cookie(cookie).build();
    }

    /** Back to the page the switch was on, but only within this site (no open redirect). */
    static URI backTo(String referer) {
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                String path = uri.getRawPath();
                if (path != null && path.startsWith("/") && !path.startsWith("//")
                        && !path.startsWith("/j_security_check") && !path.startsWith("/logout")) {
                    return URI.create(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                }
            } catch (IllegalArgumentException ignored) {
                // an unparseable Referer falls back to the start page
            }
        }
        return URI.create("/");
    }
}

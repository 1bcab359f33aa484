package dev.smtpkeys.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.CurrentUser;
import dev.smtpkeys.account.Role;
import dev.smtpkeys.web.Flash;
import dev.smtpkeys.web.PageCache;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The SMTP tab of "SMTP & API": the key table and its actions. */
@Path("/settings/keys/smtp")
@RolesAllowed(Role.USER)
@Produces(MediaType.TEXT_HTML)
public class KeysResource {

    static final String HOME = "/settings/keys/smtp";

    @CheckedTemplate(basePath = "keys")
    static class Templates {
        static native TemplateInstance index(KeysPage page);

        static native TemplateInstance generate(KeysPage page);

        static native TemplateInstance confirm(SmtpKey key, KeyAction action);

        static native TemplateInstance rotate(SmtpKey key);
    }

    private final KeyService keys;
    private final CurrentUser currentUser;
    private final KeyTexts texts;
    private final KeyPages pages;
    private final Clock clock;
    private final PageCache pageCache;

    KeysResource(KeyService keys, CurrentUser currentUser, KeyTexts texts, KeyPages pages, Clock clock,
            PageCache pageCache) {
        this.keys = keys;
        this.currentUser = currentUser;
        this.texts = texts;
        this.pages = pages;
        this.clock = clock;
        this.pageCache = pageCache;
    }

    /** The key table; {@code ?show=stale} shows only the keys not used for a long time. */
    @GET
    public Response index(@QueryParam("show") String show) {
        KeysPage page = pages.plain("stale".equals(show));
        return pageCache.page("keys/index", page.content(currentUser.shown()), () -> Templates.index(page));
    }

    /** The generate dialog as a page, for browsers without JavaScript. */
    @GET
    @Path("new")
    public TemplateInstance generateForm() {
        return Templates.generate(pages.plain(false));
    }

    /** Generates a key, optionally expiring; the answer is the only one that ever carries its secret. */
    @POST
    public Response generate(@FormParam("name") String name, @FormParam("nonce") String nonce,
            @FormParam("expires") String expires, @FormParam("expires_on") String expiresOn) {
        try {
            Instant expiresAt = KeyExpiry.parse(expires, expiresOn, clock.instant());
            GeneratedKey created = keys.generate(currentUser.actor(), account(), name, parseNonce(nonce), expiresAt);
            return KeyPages.secretAnswer(Templates.index(pages.withCreated(created, false)));
        } catch (KeyException e) {
            if (e.problem() == KeyProblem.ALREADY_GENERATED) {
                return Flash.redirectWithError(HOME, texts.problem(e.problem()));
            }
            KeysPage.GenerateForm form = new KeysPage.GenerateForm(name == null ? "" : name,
                    expires == null ? KeyExpiry.NEVER : expires, expiresOn == null ? "" : expiresOn,
                    texts.problem(e.problem()), true);
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.index(pages.withForm(form))).build();
        }
    }

    /** The confirmation dialog as a page, for browsers without JavaScript. */
    @GET
    @Path("{id: \\d+}/{action}")
    public Response confirm(@PathParam("id") long id, @PathParam("action") String action) {
        KeyAction keyAction = KeyAction.fromPath(action).orElseThrow(NotFoundException::new);
        SmtpKey key = SmtpKey.owned(id, account());
        return key.problemWith(keyAction, clock.instant())
                .map(problem -> Flash.redirectWithError(HOME, texts.problem(problem)))
                .orElseGet(() -> Response.ok(Templates.confirm(key, keyAction)).build());
    }

    @POST
    @Path("{id: \\d+}/{action}")
    public Response act(@PathParam("id") long id, @PathParam("action") String action,
            @FormParam("version") Integer version) {
        KeyAction keyAction = KeyAction.fromPath(action).orElseThrow(NotFoundException::new);
        try {
            SmtpKey key = keys.change(keyAction, currentUser.actor(), account(), id, version, null);
            return Flash.redirectWithSuccess(HOME, texts.done(keyAction, key));
        } catch (KeyException e) {
            return Flash.redirectWithError(HOME, texts.problem(e.problem()));
        }
    }

    private Account account() {
        return currentUser.account();
    }

    private static UUID parseNonce(String nonce) {
        try {
            return nonce == null || nonce.isBlank() ? null : UUID.fromString(nonce);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

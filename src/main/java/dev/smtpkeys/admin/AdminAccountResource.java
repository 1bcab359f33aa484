package dev.smtpkeys.admin;

import java.util.List;
import java.util.function.Function;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.CurrentUser;
import dev.smtpkeys.account.Invitations;
import dev.smtpkeys.account.Role;
import dev.smtpkeys.account.User;
import dev.smtpkeys.activity.ActivityPage;
import dev.smtpkeys.activity.ActivityPages;
import dev.smtpkeys.keys.KeyAction;
import dev.smtpkeys.keys.KeyException;
import dev.smtpkeys.keys.KeyRow;
import dev.smtpkeys.keys.KeyService;
import dev.smtpkeys.keys.KeyTexts;
import dev.smtpkeys.keys.SmtpKey;
import dev.smtpkeys.sending.SendingLimits;
import dev.smtpkeys.sending.SendingUsage;
import dev.smtpkeys.outbound.QueuedMail;
import dev.smtpkeys.web.Flash;
import dev.smtpkeys.web.Messages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * One account as support sees it, and support's changes to its keys. Every change needs a written
 * reason, which {@link KeyService} checks and records; no route here reads or shows a secret (a new
 * invitation goes to the user's mailbox only).
 */
@Path("/admin/accounts/{id: \\d+}")
@RolesAllowed(Role.SUPPORT)
@Produces(MediaType.TEXT_HTML)
public class AdminAccountResource {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance account(Account account, List<User> users, List<KeyRow> keys,
                KeyRow.Labels labels, ActivityPage activity, SendingUsage sending, List<QueuedMail.KeyWaiting> queued);

        static native TemplateInstance confirm(Account account, SmtpKey key, KeyAction action, String reason,
                String error);

        static native TemplateInstance deactivateAll(Account account, long activeKeys, String reason, String error);
    }

    private final KeyService keys;
    private final ActivityPages activity;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final KeyTexts texts;
    private final SendingLimits sending;
    private final QueuedMail queuedMail;
    private final Invitations invitations;

    AdminAccountResource(KeyService keys, ActivityPages activity, CurrentUser currentUser, Messages messages,
            KeyTexts texts, SendingLimits sending, QueuedMail queuedMail, Invitations invitations) {
        this.queuedMail = queuedMail;
        this.invitations = invitations;
        this.keys = keys;
        this.activity = activity;
        this.currentUser = currentUser;
        this.messages = messages;
        this.texts = texts;
        this.sending = sending;
    }

    @GET
    public TemplateInstance account(@PathParam("id") long id, @QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("key") Long key) {
        Account account = CustomerAccounts.byId(id);
        ActivityPages.Reader reader = new ActivityPages.Reader(currentUser.user().id, true);
        List<SmtpKey> keys = SmtpKey.listOwnedToShow(account);
        return Templates.account(account, User.listOwned(account),
                KeyRow.of(keys, "/admin/accounts/" + account.id + "/keys"),
                KeyRow.Labels.ofSupport(), activity.page(account, key, page, reader), sending.usage(account.id),
                queuedMail.waitingByKey(account, keys));
    }

    /** The confirmation dialog as a page, with its reason field, for browsers without JavaScript. */
    @GET
    @Path("keys/{keyId: \\d+}/{action}")
    public Response confirm(@PathParam("id") long id, @PathParam("keyId") long keyId,
            @PathParam("action") String action) {
        Account account = CustomerAccounts.byId(id);
        SmtpKey key = SmtpKey.owned(keyId, account);
        KeyAction keyAction = keyAction(action);
        return key.problemWith(keyAction)
                .map(problem -> Flash.redirectWithError(home(account), texts.problem(problem)))
                .orElseGet(() -> Response.ok(Templates.confirm(account, key, keyAction, "", null)).build());
    }

    @POST
    @Path("keys/{keyId: \\d+}/{action}")
    public Response act(@PathParam("id") long id, @PathParam("keyId") long keyId, @PathParam("action") String action,
            @FormParam("version") Integer version, @FormParam("reason") String reason) {
        Account account = CustomerAccounts.byId(id);
        KeyAction keyAction = keyAction(action);
        try {
            SmtpKey key = keys.change(keyAction, currentUser.actor(), account, keyId, version, reason);
            return Flash.redirectWithSuccess(home(account), texts.done(keyAction, key));
        } catch (KeyException e) {
            return refused(account, e, error -> Templates.confirm(account, SmtpKey.owned(keyId, account), keyAction,
                    reason == null ? "" : reason, error));
        }
    }

    /** A new set-password link for a user who has not chosen a password yet; the old link stops working. */
    @POST
    @Path("users/{userId: \\d+}/invite")
    public Response inviteAgain(@PathParam("id") long id, @PathParam("userId") long userId, @Context UriInfo uri) {
        Account account = CustomerAccounts.byId(id);
        AdminMessages msg = messages.get(AdminMessages.class);
        return invitations.sendAgain(currentUser.actor(), account.id, userId, uri.getBaseUri().toString())
                .map(invited -> invited.mailed() ? Flash.redirectWithSuccess(home(account), msg.flash_invited(invited.email()))
                        : Flash.redirectWithError(home(account), msg.flash_invite_not_sent(invited.email())))
                .orElseGet(() -> Flash.redirectWithError(home(account), msg.flash_invite_not_needed()));
    }

    @GET
    @Path("keys/deactivate-all")
    public TemplateInstance confirmDeactivateAll(@PathParam("id") long id) {
        Account account = CustomerAccounts.byId(id);
        return Templates.deactivateAll(account, activeKeys(account), "", null);
    }

    /** "Deactivate all keys" for a compromised account: one reason, one transaction. */
    @POST
    @Path("keys/deactivate-all")
    public Response deactivateAll(@PathParam("id") long id, @FormParam("reason") String reason) {
        Account account = CustomerAccounts.byId(id);
        try {
            int count = keys.deactivateAll(currentUser.actor(), account, reason);
            String done = messages.get(AdminMessages.class).flash_deactivated_all(count);
            return Flash.redirectWithSuccess(home(account), done);
        } catch (KeyException e) {
            return refused(account, e, error -> Templates.deactivateAll(account, activeKeys(account),
                    reason == null ? "" : reason, error));
        }
    }

    /**
     * A refused support action: a problem with the written reason shows the form again with the reason
     * kept and the text beside it ({@code form} makes it); any other goes back to the account with a message.
     */
    private Response refused(Account account, KeyException e, Function<String, TemplateInstance> form) {
        String text = texts.problem(e.problem());
        if (e.problem().concernsReason()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(form.apply(text)).build();
        }
        return Flash.redirectWithError(home(account), text);
    }

    private static KeyAction keyAction(String action) {
        return KeyAction.fromPath(action).orElseThrow(NotFoundException::new);
    }

    private static long activeKeys(Account account) {
        return SmtpKey.listOwned(account).stream().filter(SmtpKey::isActive).count();
    }

    private static String home(Account account) {
        return "/admin/accounts/" + account.id;
    }
}

package dev.smtpkeys.admin;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.CurrentUser;
import dev.smtpkeys.account.Role;
import dev.smtpkeys.keys.KeyException;
import dev.smtpkeys.keys.KeyTexts;
import dev.smtpkeys.keys.SmtpKey;
import dev.smtpkeys.outbound.QueueAction;
import dev.smtpkeys.outbound.QueuedMail;
import dev.smtpkeys.web.Flash;
import dev.smtpkeys.web.Messages;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Support's hold, release and drop of what a key of an account has queued: a confirmation page with
 * the written reason every support change needs, then POST → 303 back to the account page.
 */
@Path("/admin/accounts/{id: \\d+}")
@RolesAllowed(Role.SUPPORT)
@Produces(MediaType.TEXT_HTML)
public class AdminQueuedMailResource {

    // the class shares its path with AdminAccountResource: a longer class path would lose to that one's
    private static final String ROUTE = "keys/{keyId: \\d+}/queued/{action}";

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance confirmQueued(Account account, SmtpKey key, QueueAction action,
                QueuedMail.Waiting waiting, String reason, String error);
    }

    private final QueuedMail queuedMail;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final KeyTexts texts;

    AdminQueuedMailResource(QueuedMail queuedMail, CurrentUser currentUser, Messages messages, KeyTexts texts) {
        this.queuedMail = queuedMail;
        this.currentUser = currentUser;
        this.messages = messages;
        this.texts = texts;
    }

    @GET
    @Path(ROUTE)
    public TemplateInstance confirm(@PathParam("id") long id, @PathParam("keyId") long keyId,
            @PathParam("action") String action) {
        Account account = CustomerAccounts.byId(id);
        SmtpKey key = SmtpKey.owned(keyId, account);
        return Templates.confirmQueued(account, key, action(action), queuedMail.waiting(key), "", null);
    }

    @POST
    @Path(ROUTE)
    public Response apply(@PathParam("id") long id, @PathParam("keyId") long keyId, @PathParam("action") String action,
            @FormParam("reason") String reason) {
        Account account = CustomerAccounts.byId(id);
        QueueAction queueAction = action(action);
        try {
            int changed = queuedMail.apply(queueAction, currentUser.actor(), account, keyId, reason);
            AdminMessages text = messages.get(AdminMessages.class);
            String done = switch (queueAction) {
                case HOLD -> text.flash_queued_held(changed);
                case RELEASE -> text.flash_queued_released(changed);
                case DROP -> text.flash_queued_dropped(changed);
            };
            return Flash.redirectWithSuccess("/admin/accounts/" + account.id, done);
        } catch (KeyException e) {
            // only the reason can be wrong here: the form again, with what was typed
            SmtpKey key = SmtpKey.owned(keyId, account);
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.confirmQueued(account, key,
                    queueAction, queuedMail.waiting(key), reason == null ? "" : reason,
                    texts.problem(e.problem()))).build();
        }
    }

    private static QueueAction action(String path) {
        return QueueAction.fromPath(path).orElseThrow(NotFoundException::new);
    }
}

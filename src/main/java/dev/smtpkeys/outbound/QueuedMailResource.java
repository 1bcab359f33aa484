package dev.smtpkeys.outbound;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.CurrentUser;
import dev.smtpkeys.account.Role;
import dev.smtpkeys.keys.SmtpKey;
import dev.smtpkeys.web.Flash;
import dev.smtpkeys.web.Messages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The account user's hold, release and drop of what one of their keys has queued: a confirmation page,
 * then POST → 303 back to the sent-mail page filtered by that key. Another account's key is 404.
 */
@Path("/settings/messages")
@RolesAllowed(Role.USER)
@Produces(MediaType.TEXT_HTML)
public class QueuedMailResource {

    // the class shares its path with MessagesResource: a longer class path would lose to that one's
    private static final String ROUTE = "keys/{keyId: \\d+}/{action}";

    @CheckedTemplate(basePath = "outbound")
    static class Templates {
        static native TemplateInstance confirmQueue(SmtpKey key, QueueAction action, QueuedMail.Waiting waiting);
    }

    private final CurrentUser currentUser;
    private final QueuedMail queuedMail;
    private final Messages messages;

    QueuedMailResource(CurrentUser currentUser, QueuedMail queuedMail, Messages messages) {
        this.currentUser = currentUser;
        this.queuedMail = queuedMail;
        this.messages = messages;
    }

    @GET
    @Path(ROUTE)
    public TemplateInstance confirm(@PathParam("keyId") long keyId, @PathParam("action") String action) {
        Account account = currentUser.account();
        SmtpKey key = SmtpKey.owned(keyId, account);
        return Templates.confirmQueue(key, action(action), queuedMail.waiting(key));
    }

    @POST
    @Path(ROUTE)
    public Response apply(@PathParam("keyId") long keyId, @PathParam("action") String action) {
        QueueAction queueAction = action(action);
        int changed = queuedMail.apply(queueAction, currentUser.actor(), currentUser.account(), keyId, null);
        OutboundMessages texts = messages.get(OutboundMessages.class);
        String done = switch (queueAction) {
            case HOLD -> texts.queue_held(changed);
            case RELEASE -> texts.queue_released(changed);
            case DROP -> texts.queue_dropped(changed);
        };
        return Flash.redirectWithSuccess("/settings/messages?key=" + keyId, done);
    }

    private static QueueAction action(String path) {
        return QueueAction.fromPath(path).orElseThrow(NotFoundException::new);
    }
}

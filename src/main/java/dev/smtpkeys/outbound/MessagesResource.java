package dev.smtpkeys.outbound;

import java.util.List;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.CurrentUser;
import dev.smtpkeys.account.Role;
import dev.smtpkeys.keys.SmtpKey;
import dev.smtpkeys.web.Paging;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** "Sent mail": the account's recent messages through the relay, filterable by key, newest first. */
@Path("/settings/messages")
@RolesAllowed(Role.USER)
@Produces(MediaType.TEXT_HTML)
public class MessagesResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate(basePath = "outbound")
    static class Templates {
        static native TemplateInstance messages(MessagesPage page);
    }

    private final CurrentUser currentUser;
    private final OutboundConfig config;
    private final QueuedMail queuedMail;

    MessagesResource(CurrentUser currentUser, OutboundConfig config, QueuedMail queuedMail) {
        this.currentUser = currentUser;
        this.config = config;
        this.queuedMail = queuedMail;
    }

    /** {@code key}: only that key's messages (404 unless it is the caller's); {@code page}: 1, 2, … */
    @GET
    public TemplateInstance list(@QueryParam("key") Long keyId, @QueryParam("page") Integer page) {
        Account account = currentUser.account();
        SmtpKey selected = keyId == null ? null : SmtpKey.owned(keyId, account);
        Paging paging = Paging.of(page, PAGE_SIZE);
        List<OutboundMessage> rows = OutboundMessage.pageOwned(account, keyId, paging.offset(), paging.fetch());
        return Templates.messages(new MessagesPage(SmtpKey.listOwnedToShow(account), selected, paging.visible(rows),
                paging.pager(rows, number -> MessagesPage.query(number, selected)),
                config.upstream().host().isPresent(), selected == null ? null : queuedMail.waiting(selected)));
    }
}

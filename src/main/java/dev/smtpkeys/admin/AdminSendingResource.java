package dev.smtpkeys.admin;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.CurrentUser;
import dev.smtpkeys.account.Role;
import dev.smtpkeys.sending.LimitsForm;
import dev.smtpkeys.sending.SendingLimits;
import dev.smtpkeys.web.Flash;
import dev.smtpkeys.web.Messages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Support's form for one account's sending limits: set both with a written reason, or reset to the defaults. */
@Path("/admin/accounts/{id: \\d+}/sending-limits")
@RolesAllowed(Role.SUPPORT)
@Produces(MediaType.TEXT_HTML)
public class AdminSendingResource {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance sendingLimits(Account account, LimitsForm form, SendingLimits.Limits defaults);
    }

    private final SendingLimits sending;
    private final CurrentUser currentUser;
    private final Messages messages;

    AdminSendingResource(SendingLimits sending, CurrentUser currentUser, Messages messages) {
        this.sending = sending;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GET
    public TemplateInstance form(@PathParam("id") long id) {
        Account account = CustomerAccounts.byId(id);
        return Templates.sendingLimits(account, LimitsForm.of(sending.usage(account.id)), sending.defaults());
    }

    /** {@code action} "reset" removes the override, anything else saves the typed values. */
    @POST
    public Response change(@PathParam("id") long id, @FormParam("perMinute") String perMinute,
            @FormParam("perDay") String perDay, @FormParam("reason") String reason,
            @FormParam("action") String action) {
        Account account = CustomerAccounts.byId(id);
        LimitsForm typed = LimitsForm.typed(perMinute, perDay, reason);
        boolean reset = "reset".equals(action);
        LimitsForm refused = reset ? sending.reset(currentUser.actor(), account, typed)
                : sending.override(currentUser.actor(), account, typed);
        if (refused != null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.sendingLimits(account, refused, sending.defaults())).build();
        }
        AdminMessages msg = messages.get(AdminMessages.class);
        return Flash.redirectWithSuccess("/admin/accounts/" + account.id,
                reset ? msg.flash_sending_reset() : msg.flash_sending_saved());
    }

}

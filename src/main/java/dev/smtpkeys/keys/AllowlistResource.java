package dev.smtpkeys.keys;

import dev.smtpkeys.account.CurrentUser;
import dev.smtpkeys.account.Role;
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

/**
 * A key's IP allowlist: the dialog's form posts here; the same form as a page serves browsers without
 * JavaScript and shows what was typed, with the problem beside it, when an entry is not valid.
 */
@Path("/settings/keys/smtp/{id: \\d+}/networks")
@RolesAllowed(Role.USER)
@Produces(MediaType.TEXT_HTML)
public class AllowlistResource {

    @CheckedTemplate(basePath = "keys")
    static class Templates {
        static native TemplateInstance networks(SmtpKey key, String text, String error);
    }

    private final KeyAllowlist allowlist;
    private final CurrentUser currentUser;
    private final Messages messages;

    AllowlistResource(KeyAllowlist allowlist, CurrentUser currentUser, Messages messages) {
        this.allowlist = allowlist;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GET
    public TemplateInstance form(@PathParam("id") long id) {
        SmtpKey key = owned(id);
        return Templates.networks(key, String.join("\n", AllowedNetwork.ofKey(key.id)), null);
    }

    @POST
    public Response save(@PathParam("id") long id, @FormParam("networks") String text) {
        SmtpKey key = owned(id);
        KeysMessages msg = messages.get(KeysMessages.class);
        try {
            boolean restricted = !allowlist.replace(currentUser.actor(), currentUser.account(), id, text).isEmpty();
            String name = KeyTexts.displayName(msg, key);
            return Flash.redirectWithSuccess(KeysResource.HOME,
                    restricted ? msg.flash_networks_saved(name) : msg.flash_networks_cleared(name));
        } catch (Networks.InvalidException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.networks(key, text, problem(msg, e.problem()))).build();
        }
    }

    private SmtpKey owned(long id) {
        return SmtpKey.owned(id, currentUser.account());
    }

    static String problem(KeysMessages msg, Networks.Problem problem) {
        return switch (problem.kind()) {
            case INVALID -> msg.networks_invalid(problem.entry());
            case HOST_BITS -> msg.networks_host_bits(problem.entry(), problem.suggestion());
            case TOO_MANY -> msg.networks_too_many(Networks.MAX_ENTRIES);
        };
    }
}

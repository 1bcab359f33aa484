package dev.smtpkeys.keys;

import dev.smtpkeys.account.CurrentUser;
import dev.smtpkeys.account.Role;
import dev.smtpkeys.account.SudoMode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The eye icon: shows the master key again. A sign-in older than ten minutes must confirm the account
 * password first (sudo mode); the audit event says whether it did.
 */
@Path("/settings/keys/smtp/master/reveal")
@RolesAllowed(Role.USER)
@Produces(MediaType.TEXT_HTML)
public class MasterRevealResource {

    private final KeyService keys;
    private final CurrentUser currentUser;
    private final SudoMode sudo;
    private final KeyPages pages;
    private final KeyTexts texts;

    MasterRevealResource(KeyService keys, CurrentUser currentUser, SudoMode sudo, KeyPages pages, KeyTexts texts) {
        this.keys = keys;
        this.currentUser = currentUser;
        this.sudo = sudo;
        this.pages = pages;
        this.texts = texts;
    }

    /** Without {@code password}: reveals, or asks for it; with it: checks it, then reveals. */
    @POST
    public Response reveal(@FormParam("password") String password) {
        boolean confirmed = false;
        if (!sudo.isFresh()) {
            if (password == null) {
                return KeyPages.secretAnswer(KeysResource.Templates.index(pages.withSudo(null)));
            }
            switch (sudo.confirm(password)) {
                case WRONG -> {
                    return refused(texts.sudoWrong());
                }
                case PAUSED -> {
                    return refused(texts.sudoPaused());
                }
                case CONFIRMED -> confirmed = true;
            }
        }
        String secret = keys.revealMaster(currentUser.actor(), currentUser.account(), confirmed);
        return KeyPages.secretAnswer(KeysResource.Templates.index(pages.withRevealed(secret)));
    }

    private Response refused(String error) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(KeysResource.Templates.index(pages.withSudo(error)))
                .header("Cache-Control", "no-store").build();
    }
}

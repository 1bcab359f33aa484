package dev.smtpkeys.keys;

import java.util.UUID;

import dev.smtpkeys.account.Account;
import dev.smtpkeys.account.CurrentUser;
import dev.smtpkeys.account.Role;
import dev.smtpkeys.web.Flash;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
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
    }

    private final KeyService keys;
    private final KeysConfig config;
    private final CurrentUser currentUser;
    private final KeyTexts texts;
    private final SmtpEndpoint endpoint;
    private final HttpServerRequest request;

    KeysResource(KeyService keys, KeysConfig config, CurrentUser currentUser, KeyTexts texts,
            SmtpEndpoint endpoint, HttpServerRequest request) {
        this.keys = keys;
        this.config = config;
        this.currentUser = currentUser;
        this.texts = texts;
        this.endpoint = endpoint;
        this.request = request;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(page(KeysPage.GenerateForm.empty(), null, null));
    }

    /** The generate dialog as a page, for browsers without JavaScript. */
    @GET
    @Path("new")
    public TemplateInstance generateForm() {
        return Templates.generate(page(KeysPage.GenerateForm.empty(), null, null));
    }

    /** Generates a key; the answer is the only one that ever carries its secret. */
    @POST
    public Response generate(@FormParam("name") String name, @FormParam("nonce") String nonce) {
        try {
            GeneratedKey created = keys.generate(currentUser.actor(), account(), name, parseNonce(nonce));
            return secretAnswer(Templates.index(page(KeysPage.GenerateForm.empty(), created, null)));
        } catch (KeyException e) {
            if (e.problem() == KeyProblem.ALREADY_GENERATED) {
                return Flash.redirectWithError(HOME, texts.problem(e.problem()));
            }
            KeysPage.GenerateForm form = new KeysPage.GenerateForm(name == null ? "" : name, texts.problem(e.problem()), true);
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.index(page(form, null, null))).build();
        }
    }

    /** Shows the master key again (the eye icon); audited. */
    @POST
    @Path("master/reveal")
    public Response revealMaster() {
        String secret = keys.revealMaster(currentUser.actor(), account());
        return secretAnswer(Templates.index(page(KeysPage.GenerateForm.empty(), null, secret)));
    }

    /** The confirmation dialog as a page, for browsers without JavaScript. */
    @GET
    @Path("{id: \\d+}/{action}")
    public Response confirm(@PathParam("id") long id, @PathParam("action") String action) {
        KeyAction keyAction = KeyAction.fromPath(action).orElseThrow(NotFoundException::new);
        SmtpKey key = SmtpKey.findOwned(id, account()).orElseThrow(KeyNotFoundException::new);
        return key.problemWith(keyAction)
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

    private KeysPage page(KeysPage.GenerateForm form, GeneratedKey created, String revealed) {
        Account account = account();
        return new KeysPage(account, endpoint.host(request.authority() == null ? null : request.authority().host()),
                endpoint.ports(), SmtpKey.listOwnedToShow(account), config.maxPerAccount(), UUID.randomUUID(), form,
                created, revealed);
    }

    private Account account() {
        return currentUser.account();
    }

    private static Response secretAnswer(TemplateInstance page) {
        return Response.ok(page).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    private static UUID parseNonce(String nonce) {
        try {
            return nonce == null || nonce.isBlank() ? null : UUID.fromString(nonce);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

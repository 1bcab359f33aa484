package dev.smtpkeys.keys;

import java.time.Clock;

import dev.smtpkeys.account.CurrentUser;
import dev.smtpkeys.account.Role;
import dev.smtpkeys.web.Flash;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** "Rotate" on a key row: a replacement with the same name, the old key kept for a chosen grace. */
@Path("/settings/keys/smtp/{id: \\d+}/rotate")
@RolesAllowed(Role.USER)
@Produces(MediaType.TEXT_HTML)
public class KeyRotationResource {

    private final KeyRotation rotation;
    private final CurrentUser currentUser;
    private final KeyTexts texts;
    private final KeyPages pages;
    private final Clock clock;

    KeyRotationResource(KeyRotation rotation, CurrentUser currentUser, KeyTexts texts, KeyPages pages, Clock clock) {
        this.rotation = rotation;
        this.currentUser = currentUser;
        this.texts = texts;
        this.pages = pages;
        this.clock = clock;
    }

    /** The rotate dialog as a page, for browsers without JavaScript. */
    @GET
    public Response confirm(@PathParam("id") long id) {
        SmtpKey key = SmtpKey.owned(id, currentUser.account());
        return key.rotationProblem(clock.instant())
                .map(problem -> Flash.redirectWithError(KeysResource.HOME, texts.problem(problem)))
                .orElseGet(() -> Response.ok(KeysResource.Templates.rotate(key)).build());
    }

    /** Rotates; the answer is the only one that carries the replacement's secret. */
    @POST
    public Response rotate(@PathParam("id") long id, @FormParam("version") Integer version,
            @FormParam("grace") String grace) {
        try {
            RotationGrace chosen = RotationGrace.fromValue(grace)
                    .orElseThrow(() -> new KeyException(KeyProblem.GRACE_INVALID));
            GeneratedKey created = rotation.rotate(currentUser.actor(), currentUser.account(), id, version, chosen);
            return KeyPages.secretAnswer(KeysResource.Templates.index(pages.withCreated(created, true)));
        } catch (KeyException e) {
            return Flash.redirectWithError(KeysResource.HOME, texts.problem(e.problem()));
        }
    }
}

package dev.smtpkeys.activity;

import dev.smtpkeys.account.CurrentUser;
import dev.smtpkeys.account.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The account's activity log for its own users: who did what to which key, and sign-ins. */
@Path("/settings/activity")
@RolesAllowed(Role.USER)
@Produces(MediaType.TEXT_HTML)
public class ActivityResource {

    @CheckedTemplate(basePath = "activity")
    static class Templates {
        static native TemplateInstance index(ActivityPage activity);
    }

    private final ActivityPages pages;
    private final CurrentUser currentUser;

    ActivityResource(ActivityPages pages, CurrentUser currentUser) {
        this.pages = pages;
        this.currentUser = currentUser;
    }

    @GET
    public TemplateInstance index(@QueryParam("page") @DefaultValue("1") int page, @QueryParam("key") Long key) {
        ActivityPages.Reader reader = new ActivityPages.Reader(currentUser.user().id, false);
        return Templates.index(pages.page(currentUser.account(), key, page, reader));
    }
}

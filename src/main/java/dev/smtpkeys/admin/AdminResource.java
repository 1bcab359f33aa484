package dev.smtpkeys.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.smtpkeys.account.AccountException;
import dev.smtpkeys.account.AccountProblem;
import dev.smtpkeys.account.CurrentUser;
import dev.smtpkeys.account.FormErrors;
import dev.smtpkeys.account.Invitations;
import dev.smtpkeys.account.Role;
import dev.smtpkeys.web.Messages;
import dev.smtpkeys.web.Paging;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Support's start page: finding accounts, and creating one for a customer. */
@Path("/admin")
@RolesAllowed(Role.SUPPORT)
@Produces(MediaType.TEXT_HTML)
public class AdminResource {

    static final int PAGE_SIZE = 25;

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance index(SearchPage search);

        static native TemplateInstance newAccount(NewAccountForm form);

        static native TemplateInstance created(Invitations.Invited created);
    }

    /** The search box and one page of its hits. */
    public record SearchPage(String q, List<AccountDirectory.Summary> hits, Paging.Pager pager) {
    }

    /** What support typed into the create form, and what is wrong with it. */
    public record NewAccountForm(String company, String email, String language, FormErrors errors) {
    }

    private final AccountDirectory directory;
    private final Invitations invitations;
    private final CurrentUser currentUser;
    private final Messages messages;

    AdminResource(AccountDirectory directory, Invitations invitations, CurrentUser currentUser, Messages messages) {
        this.directory = directory;
        this.invitations = invitations;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GET
    public TemplateInstance index(@QueryParam("q") @DefaultValue("") String q,
            @QueryParam("page") @DefaultValue("1") int page) {
        Paging paging = Paging.of(page, PAGE_SIZE);
        List<AccountDirectory.Summary> hits = directory.search(q, paging.offset(), paging.fetch());
        String text = q.strip();
        String query = "?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&page=";
        return Templates.index(new SearchPage(text, paging.visible(hits), paging.pager(hits, n -> query + n)));
    }

    @GET
    @Path("accounts/new")
    public TemplateInstance newAccount() {
        return Templates.newAccount(new NewAccountForm("", "", "", FormErrors.none()));
    }

    /** Creates the account and mails its user the link to choose a password; support sees no secret. */
    @POST
    @Path("accounts")
    public Response create(@FormParam("company") String company, @FormParam("email") String email,
            @FormParam("language") String language, @Context UriInfo uri) {
        try {
            Invitations.Invited created = invitations.createForCustomer(currentUser.actor(), company, email, language,
                    uri.getBaseUri().toString());
            return Response.ok(Templates.created(created)).header("Cache-Control", "no-store").build();
        } catch (AccountException e) {
            FormErrors errors = FormErrors.of(messages, e);
            if (e.problems().get("email") == AccountProblem.EMAIL_TAKEN) {
                // support may know whose it is; the customer-facing text would send them to sign in
                errors = errors.replace("email", messages.get(AdminMessages.class).problem_email_taken());
            }
            NewAccountForm form = new NewAccountForm(company == null ? "" : company, email == null ? "" : email,
                    language == null ? "" : language, errors);
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.newAccount(form)).build();
        }
    }
}

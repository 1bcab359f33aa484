package dev.smtpkeys.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;

import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Errors as pages in the reader's language: 404 for anything not the caller's, 403, and 503 when the
 * database is away, so an outage reads as "try again shortly" rather than as a crash.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "error")
    static class Templates {
        static native TemplateInstance page(String title, String text, boolean forms);
    }

    private final Messages messages;
    private final CsrfTokenParameterProvider csrf;

    ErrorPages(Messages messages, CsrfTokenParameterProvider csrf) {
        this.messages = messages;
        this.csrf = csrf;
    }

    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e) {
        return offEventLoop(() -> page(Response.Status.FORBIDDEN));
    }

    @ServerExceptionMapper
    public Uni<Response> webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400 || original.hasEntity()) {
            return Uni.createFrom().item(original);
        }
        return offEventLoop(() -> page(Response.Status.fromStatusCode(status) == null ? Response.Status.BAD_REQUEST
                : Response.Status.fromStatusCode(status)));
    }

    /**
     * A role check ({@code @RolesAllowed}) and route matching fail on the event loop, before the
     * request reaches a worker thread; the page reads the signed-in user and their language from the
     * database, which may not happen there.
     */
    private static Uni<Response> offEventLoop(Supplier<Response> page) {
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnEventLoopThread()) {
            return Uni.createFrom().item(page);
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(page::get, false).toCompletionStage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof UnauthorizedException || e instanceof AuthenticationException) {
            return null; // let the form-login challenge answer (redirect to /login)
        }
        if (isDatabaseOutage(e)) {
            LOG.warnf("database unavailable: %s", e.getClass().getName());
            return page(Response.Status.SERVICE_UNAVAILABLE);
        }
        LOG.error("unexpected error", e);
        return page(Response.Status.INTERNAL_SERVER_ERROR);
    }

    private Response page(Response.Status status) {
        WebMessages msg = messages.get(WebMessages.class);
        String title;
        String text;
        switch (status) {
            case NOT_FOUND -> { title = msg.error_404_title(); text = msg.error_404_text(); }
            case FORBIDDEN -> { title = msg.error_403_title(); text = msg.error_403_text(); }
            case SERVICE_UNAVAILABLE -> { title = msg.error_503_title(); text = msg.error_503_text(); }
            case INTERNAL_SERVER_ERROR -> { title = msg.error_500_title(); text = msg.error_500_text(); }
            default -> { title = msg.error_400_title(); text = msg.error_400_text(); }
        }
        Response.ResponseBuilder response = Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.page(title, text, hasCsrfToken()));
        if (status == Response.Status.SERVICE_UNAVAILABLE) {
            response.header("Retry-After", "30");
        }
        return response.build();
    }

    /**
     * Whether this request got a CSRF token: not when it failed before the CSRF filter ran (a role
     * check, an unknown route). Then the page leaves out the forms that would need one.
     */
    private boolean hasCsrfToken() {
        try {
            return csrf.getToken() != null;
        } catch (IllegalStateException notYetIssued) {
            return false;
        }
    }

    /**
     * Whether {@code e} comes from a database that cannot be reached: a lost or refused connection
     * anywhere in its cause chain (SQL state class 08, a pool timeout, a refused socket), whichever
     * feature's query met it.
     */
    static boolean isDatabaseOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException
                    || t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

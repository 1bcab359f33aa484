package dev.smtpkeys.web;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

/**
 * A form posted without a valid CSRF token (its cookie expired, the browser dropped it, the form
 * came from another site) gets a page in the reader's language instead of quarkus-rest-csrf's empty
 * 400: it says the form expired and, for a post from this site, offers the same form again with a
 * fresh token and what was typed (never a password, never the old token). The extension's check
 * itself is unchanged: this only gives its refusal a body.
 */
public class ExpiredForms {

    /** Fields that hold passwords anywhere in the app: typed again, never echoed into a page. */
    static final Set<String> SECRET_FIELDS = Set.of("j_password", "password", "current", "repeat");
    static final int MAX_FIELDS = 20;

    @CheckedTemplate(basePath = "error")
    static class Templates {
        static native TemplateInstance formExpired(String action, List<Field> fields, boolean offer, String back);
    }

    /** A field of the form to send again. */
    public record Field(String name, String value) {
    }

    private final CsrfCookie csrf;
    private final LocaleResolver locale;

    ExpiredForms(CsrfCookie csrf, LocaleResolver locale) {
        this.csrf = csrf;
        this.locale = locale;
    }

    /**
     * Runs on the extension's answer: a form refused with its bare 400 whose token does not match the
     * cookie (so the refusal was the CSRF check's) gets this page as its body instead.
     */
    @ServerResponseFilter
    public void offerAgain(ContainerRequestContext request, ContainerResponseContext response, RoutingContext rc) {
        if (response.getStatus() != 400 || response.hasEntity() || isSafe(request.getMethod())
                || request.getHeaderString("X-CSRF-TOKEN") != null
                || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            return;
        }
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        FormData form = context == null ? null : context.getFormData();
        if (hasValidToken(form, rc)) {
            return;
        }
        csrf.issue(rc);
        boolean offer = !RequestOrigin.isCrossSite(rc.request());
        TemplateInstance page = Templates.formExpired(rc.request().path(), offer ? fields(form) : List.of(), offer,
                back(request.getHeaderString("Referer"), rc));
        response.setEntity(page.setLocale(locale.current()), null, MediaType.TEXT_HTML_TYPE);
    }

    private boolean hasValidToken(FormData form, RoutingContext rc) {
        String cookie = csrf.current(rc);
        FormValue sent = form == null ? null : form.getFirst(csrf.field());
        return cookie != null && sent != null && !sent.isFileItem() && MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.UTF_8), sent.getValue().getBytes(StandardCharsets.UTF_8));
    }

    private List<Field> fields(FormData form) {
        List<Field> fields = new ArrayList<>();
        if (form == null) {
            return fields;
        }
        for (String name : form) {
            if (name.equals(csrf.field()) || SECRET_FIELDS.contains(name)) {
                continue;
            }
            for (FormValue value : form.get(name)) {
                if (!value.isFileItem() && fields.size() < MAX_FIELDS) {
                    fields.add(new Field(name, value.getValue()));
                }
            }
        }
        return fields;
    }

    /** The page the form was on, when the browser says and it is on this site; else the start page. */
    static String back(String referer, RoutingContext rc) {
        if (referer != null && rc.request().authority() != null) {
            try {
                URI uri = URI.create(referer);
                String path = uri.getRawPath();
                if (rc.request().authority().toString().equalsIgnoreCase(uri.getRawAuthority()) && path != null
                        && path.startsWith("/") && !path.startsWith("//")) {
                    return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (IllegalArgumentException malformed) {
                // the start page then
            }
        }
        return "/";
    }

    private static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}

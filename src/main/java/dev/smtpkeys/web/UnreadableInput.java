package dev.smtpkeys.web;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Refuses, before any feature sees it, a parameter no feature can store or search: a NUL byte, which
 * PostgreSQL refuses in text (a search for {@code %00} was a 500). One guard for every query and form
 * parameter of every route, present and future, with a page that says what was wrong; the features'
 * own rules (e.g. key names) still refuse other characters beside their fields.
 */
public class UnreadableInput {

    private final Messages messages;
    private final LocaleResolver locale;

    UnreadableInput(Messages messages, LocaleResolver locale) {
        this.messages = messages;
        this.locale = locale;
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION + 100)
    @WithFormRead
    public Response refuseNul(ContainerRequestContext request) {
        if (!hasNul(request.getUriInfo().getQueryParameters()) && !hasNul(request.getUriInfo().getPathParameters())
                && !formHasNul()) {
            return null;
        }
        WebMessages msg = messages.get(WebMessages.class);
        TemplateInstance page = ErrorPages.Templates.page(msg.error_400_title(), msg.error_input_text(), false);
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                .entity(page.setLocale(locale.current())).build();
    }

    private static boolean hasNul(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            if (entry.getKey().indexOf('\0') >= 0 || entry.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean formHasNul() {
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        FormData form = context == null ? null : context.getFormData();
        if (form == null) {
            return false;
        }
        for (String name : form) {
            if (name.indexOf('\0') >= 0) {
                return true;
            }
            for (FormValue value : form.get(name)) {
                if (!value.isFileItem() && value.getValue().indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}

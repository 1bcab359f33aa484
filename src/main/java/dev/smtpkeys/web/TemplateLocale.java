package dev.smtpkeys.web;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Makes every template follow {@link LocaleResolver}. Qute's REST integration picks the message
 * language from {@code Accept-Language}, so the request's header is set to the resolved language;
 * the {@code locale} attribute set on each instance serves the date formatting.
 */
@ApplicationScoped
public class TemplateLocale implements TemplateInstance.Initializer {

    @Override
    public void accept(TemplateInstance instance) {
        if (Arc.container().requestContext().isActive()) {
            instance.setLocale(Arc.container().instance(LocaleResolver.class).get().current());
        }
    }

    @ServerRequestFilter
    void useResolvedLanguage(ContainerRequestContext request) {
        LocaleResolver resolver = Arc.container().instance(LocaleResolver.class).get();
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, resolver.current().getLanguage());
    }
}

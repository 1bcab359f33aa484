package dev.smtpkeys.web;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Makes every page follow {@link LocaleResolver}. Qute's REST integration picks the message
 * language from {@code Accept-Language}, so the request's header is replaced by the resolved one.
 */
@ApplicationScoped
public class LanguageFilter {

    private final LocaleResolver resolver;

    LanguageFilter(LocaleResolver resolver) {
        this.resolver = resolver;
    }

    @ServerRequestFilter
    void useResolvedLanguage(ContainerRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, resolver.current().getLanguage());
    }
}

package dev.smtpkeys.web;

import java.util.UUID;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The values a page prints that belong to the request or the session, never to what the page shows:
 * the CSRF token of every form ({@code tags/csrf.html}) and a form's one-time nonce. Templates print
 * them through this bean ({@code inject:formSlots}).
 * <p>
 * While {@link PageCache} renders a page to keep, this bean prints a marker in their place instead
 * and counts the markers; each request then fills the kept page's markers with its own values, so a
 * token or nonce is never part of a page that another request is served.
 */
@RequestScoped
@Named("formSlots")
public class FormSlots {

    /**
     * Markers begin and end with NUL: PostgreSQL text cannot hold it and every form refuses it, so no
     * value a page shows can print one. {@link PageCache} still checks that it found as many markers
     * as were printed, and keeps nothing otherwise.
     */
    static final char MARK = '\0';
    static final String CSRF = MARK + "csrf" + MARK;
    static final String NONCE = MARK + "nonce" + MARK;

    private final CsrfTokenParameterProvider csrf;
    private boolean marking;
    private int marks;

    FormSlots(CsrfTokenParameterProvider csrf) {
        this.csrf = csrf;
    }

    /** This session's CSRF token, as {@code inject:csrf.token} gives it. */
    public String getCsrfToken() {
        return marking ? mark(CSRF) : csrf.getToken();
    }

    /** A new random nonce: a form that is submitted twice carries the same one and acts once. */
    public String getNonce() {
        return marking ? mark(NONCE) : newNonce();
    }

    /** What a nonce is: a random UUID, as the generate form posts it back. */
    static String newNonce() {
        return UUID.randomUUID().toString();
    }

    /** From now on this request prints markers (for {@link PageCache}). */
    void startMarking() {
        marking = true;
        marks = 0;
    }

    /** Back to printing values; answers how many markers were printed since {@link #startMarking}. */
    int stopMarking() {
        marking = false;
        return marks;
    }

    private String mark(String marker) {
        marks++;
        return marker;
    }
}

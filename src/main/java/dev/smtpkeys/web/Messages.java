package dev.smtpkeys.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.RequestScoped;

/**
 * A feature's message bundle in this request's language, for texts made in Java (flash messages,
 * form errors, error pages). Each feature names its own bundle, so this class knows none of them.
 */
@RequestScoped
public class Messages {

    private static final Map<BundleKey, Object> BUNDLES = new ConcurrentHashMap<>();
    private static volatile ArcContainer bundlesOf;

    private final LocaleResolver locale;

    Messages(LocaleResolver locale) {
        this.locale = locale;
    }

    /** {@code bundle} (a {@code @MessageBundle} interface) in the language of this request. */
    public <T> T get(Class<T> bundle) {
        return in(bundle, locale.current());
    }

    /**
     * {@code bundle} in {@code locale}, also where no request is active. Each pair is looked up once:
     * a bundle is a stateless application bean, and a page of keys asks for one a few hundred times.
     */
    @SuppressWarnings("unchecked")
    public static <T> T in(Class<T> bundle, Locale locale) {
        ArcContainer container = Arc.container();
        if (bundlesOf != container) {
            // a restarted application (tests, dev mode) has beans of its own
            BUNDLES.clear();
            bundlesOf = container;
        }
        return (T) BUNDLES.computeIfAbsent(new BundleKey(bundle, locale),
                k -> MessageBundles.get(bundle, Localized.Literal.of(locale.toLanguageTag())));
    }

    private record BundleKey(Class<?> bundle, Locale locale) {
    }
}
